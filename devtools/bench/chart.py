"""The chart of the report: each page's throughput, per portal size, against the ceilings."""

from pathlib import Path


def draw(results, folder, stem="report"):
    import matplotlib

    from .report import chart_name

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    sizes = results["sizes"]
    keys = [key for key, page in sizes[0]["pages"].items() if not page.get("ceiling")]
    labels = [sizes[0]["pages"][key]["label"] for key in keys]
    height = 0.8 / len(sizes)
    figure, axes = plt.subplots(figsize=(10, 0.6 * len(keys) + 2))
    colours = ["#4c9be8", "#e8804c", "#6cc070", "#b07cd8"]
    for index, size in enumerate(sizes):
        positions = [row + index * height for row in range(len(keys))]
        values = [size["pages"][key]["rps"] for key in keys]
        axes.barh(
            positions,
            values,
            height=height,
            label=f"N={size['schools_asked']} schools",
            color=colours[index % len(colours)],
        )
    last = sizes[-1]["pages"]
    for key, style, name in (
        ("ceiling_view", "--", "T: trivial Django view"),
        ("ceiling_static", ":", "static file (WhiteNoise)"),
    ):
        axes.axvline(last[key]["rps"], color="#333333", linestyle=style, label=name)
    axes.set_yticks([row + height * (len(sizes) - 1) / 2 for row in range(len(keys))])
    axes.set_yticklabels(labels)
    axes.invert_yaxis()
    axes.set_xscale("log")
    axes.set_xlabel("requests per second (log scale)")
    axes.set_title("Préau: throughput per page against the machine's ceilings")
    axes.legend(loc="lower right", fontsize="small")
    figure.tight_layout()
    path = Path(folder) / chart_name(stem)
    figure.savefig(path, dpi=110)
    plt.close(figure)
    return path
