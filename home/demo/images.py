"""Pictures for the demo, drawn with Pillow: no photograph, no download, no one's face.

Flat shapes compress to a few kilobytes, so loading the demo stays fast.
"""

import io
import math

from PIL import Image, ImageDraw

SKY = "#bcdcf0"
GRASS = "#7fae6a"
STONE = "#9a9a94"
STONE_DARK = "#6f6f69"
PAPER = "#f1e3bf"
INK = "#3b3a52"
RED = "#b3261e"
YELLOW = "#f6c945"
YELLOW_DARK = "#e0a21b"
BROWN = "#7a5230"
LEAF = "#4f8f3a"
BLUE = "#2f6fb5"
BLUE_LIGHT = "#9cc3ea"
WATER = "#5f9fc8"


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


def sun():
    """A child's sun: a yellow disc with rays and a smile, over a hill."""
    width, height = 960, 640
    image = Image.new("RGB", (width, height), SKY)
    draw = ImageDraw.Draw(image)
    draw.ellipse((-200, 460, 1160, 900), fill=GRASS)
    centre_x, centre_y, radius = 480, 260, 120
    for angle in range(0, 360, 30):  # the rays, thick strokes of a felt pen
        vector = _direction(angle)
        start = (centre_x + vector[0] * 150, centre_y + vector[1] * 150)
        end = (centre_x + vector[0] * 230, centre_y + vector[1] * 230)
        draw.line((start, end), fill=YELLOW_DARK, width=18)
    draw.ellipse(
        (centre_x - radius, centre_y - radius, centre_x + radius, centre_y + radius), fill=YELLOW
    )
    draw.ellipse((430, 210, 455, 235), fill=INK)  # eyes
    draw.ellipse((505, 210, 530, 235), fill=INK)
    draw.arc((420, 230, 540, 320), start=20, end=160, fill=INK, width=10)  # smile
    return png(image)


def tree():
    """A tree drawn with felt pens on paper: a brown trunk, a green cloud, red apples."""
    width, height = 960, 640
    image = Image.new("RGB", (width, height), PAPER)
    draw = ImageDraw.Draw(image)
    draw.line((60, 580, 900, 580), fill=GRASS, width=14)  # the ground
    draw.rectangle((440, 330, 520, 580), fill=BROWN)  # trunk
    draw.line((480, 400, 400, 320), fill=BROWN, width=22)  # branches
    draw.line((480, 380, 570, 300), fill=BROWN, width=22)
    for box in ((300, 120, 540, 340), (420, 80, 660, 320), (360, 200, 640, 400)):
        draw.ellipse(box, fill=LEAF)  # the leaves, three scribbled clouds
    for x, y in ((380, 240), (470, 150), (560, 230), (600, 320), (430, 330)):
        draw.ellipse((x, y, x + 34, y + 34), fill=RED)  # apples
    return png(image)


def paint():
    """A big sheet after hand painting: splashes of blue and handprints."""
    width, height = 960, 640
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    for x, y, size in ((120, 90, 140), (640, 60, 180), (300, 380, 200), (720, 400, 150)):
        draw.ellipse((x, y, x + size, y + size * 0.8), fill=BLUE_LIGHT)  # splashes
        draw.ellipse((x + size * 0.8, y - 20, x + size * 0.8 + 30, y + 10), fill=BLUE_LIGHT)
    for x, y, colour in ((200, 180, BLUE), (480, 250, BLUE), (620, 150, YELLOW_DARK)):
        draw.ellipse((x, y, x + 110, y + 130), fill=colour)  # palm
        for finger in range(4):
            left = x + 2 + finger * 28
            draw.rounded_rectangle((left, y - 70, left + 22, y + 20), radius=11, fill=colour)
        draw.rounded_rectangle((x - 45, y + 40, x + 5, y + 66), radius=12, fill=colour)  # thumb
    return png(image)


def paper_boat():
    """A paper boat on the park's pond, under a small sun."""
    width, height = 960, 640
    image = Image.new("RGB", (width, height), SKY)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 380, width, height), fill=WATER)
    for row in range(4):  # ripples
        y = 430 + row * 50
        for left in (100 + row * 60, 560 - row * 40):
            draw.arc((left, y, left + 200, y + 30), start=200, end=340, fill="white", width=4)
    draw.polygon([(300, 400), (660, 400), (600, 470), (360, 470)], fill="white")  # hull
    draw.polygon([(380, 400), (480, 230), (580, 400)], fill="#f4f4f4")  # sail
    draw.line((480, 230, 480, 400), fill=STONE, width=3)  # the fold
    draw.ellipse((790, 50, 890, 150), fill=YELLOW)
    return png(image)


def _direction(angle):
    """The unit vector of an angle in degrees."""
    radians = math.radians(angle)
    return math.cos(radians), math.sin(radians)


DRAWINGS = {
    "monument": monument,
    "letter": letter,
    "sun": sun,
    "tree": tree,
    "paint": paint,
    "paper_boat": paper_boat,
}


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
