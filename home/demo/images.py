"""Pictures for the demo, drawn with Pillow: no photograph, no download, no one's face.

Flat shapes compress to a few kilobytes, so loading the demo stays fast.
"""

import io

from PIL import Image, ImageDraw

SKY = "#bcdcf0"
GRASS = "#7fae6a"
STONE = "#9a9a94"
STONE_DARK = "#6f6f69"
PAPER = "#f1e3bf"
INK = "#3b3a52"
RED = "#b3261e"


def png(image):
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def school_logo(colour):
    """A school building in white on a disc of the school's colour."""
    size = 240
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((0, 0, size - 1, size - 1), fill=colour)
    draw.polygon([(50, 112), (120, 58), (190, 112)], fill="white")  # roof
    draw.rectangle((66, 112, 174, 182), fill="white")  # walls
    draw.rectangle((108, 138, 132, 182), fill=colour)  # door
    draw.rectangle((80, 124, 98, 142), fill=colour)  # windows
    draw.rectangle((142, 124, 160, 142), fill=colour)
    draw.ellipse((112, 80, 128, 96), fill=colour)  # clock
    return png(image)


def monument():
    """A war memorial: an obelisk on its base, a wreath of red flowers at its foot."""
    width, height = 960, 640
    image = Image.new("RGB", (width, height), SKY)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 500, width, height), fill=GRASS)
    draw.rectangle((330, 440, 630, 520), fill=STONE_DARK)  # base
    draw.rectangle((370, 400, 590, 445), fill=STONE)
    draw.polygon([(420, 400), (540, 400), (510, 110), (450, 110)], fill=STONE)  # shaft
    draw.polygon([(450, 110), (510, 110), (480, 60)], fill=STONE_DARK)  # tip
    for row in range(6):  # the engraved names
        y = 180 + row * 30
        draw.line((455, y, 505, y), fill=STONE_DARK, width=4)
    for x in range(400, 570, 24):  # the wreath
        draw.ellipse((x, 505, x + 26, 531), fill=RED)
    draw.ellipse((380, 500, 580, 540), outline="#2f5d2a", width=8)
    return png(image)


def letter():
    """A yellowed letter covered with handwriting, and a red stamp."""
    width, height = 960, 640
    image = Image.new("RGB", (width, height), "#5b4a3a")
    draw = ImageDraw.Draw(image)
    draw.rectangle((180, 40, 780, 600), fill=PAPER)
    draw.rectangle((650, 70, 740, 170), fill=RED)  # stamp
    draw.rectangle((662, 82, 728, 158), outline=PAPER, width=4)
    for row in range(14):  # lines of handwriting, as waves
        y = 120 + row * 32
        end = 620 if row < 3 else 730
        points = [(x, y + (6 if (x // 18) % 2 else -6)) for x in range(230, end, 18)]
        draw.line(points, fill=INK, width=3, joint="curve")
    return png(image)


DRAWINGS = {"monument": monument, "letter": letter}


def book_cover(colour, accent):
    """A book's cover drawn by a child: a coloured board, a band, a sun or a star."""
    width, height = 300, 420
    image = Image.new("RGB", (width, height), colour)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, 24, height), fill=accent)  # the spine
    draw.rectangle((50, 60, 260, 130), fill=PAPER)  # the title's label
    for row in range(2):
        draw.line((70, 82 + row * 24, 240, 82 + row * 24), fill=INK, width=6)
    draw.ellipse((105, 200, 215, 310), fill=accent)
    draw.polygon([(160, 170), (175, 240), (145, 240)], fill=PAPER)
    return png(image)
