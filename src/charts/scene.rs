//! What a chart's layout produces: marks to draw and items to hit-test, in CSS pixels.
//! The same scene is drawn and hit-tested, so what is drawn and what is hovered cannot
//! disagree.

use super::theme::Role;

/// An axis-aligned rectangle in CSS px, origin top left.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
}

impl Rect {
    pub fn new(x: f64, y: f64, width: f64, height: f64) -> Rect {
        Rect {
            x,
            y,
            width,
            height,
        }
    }

    pub fn right(&self) -> f64 {
        self.x + self.width
    }

    pub fn bottom(&self) -> f64 {
        self.y + self.height
    }

    pub fn contains(&self, x: f64, y: f64) -> bool {
        x >= self.x && x <= self.right() && y >= self.y && y <= self.bottom()
    }

    /// Whether the two share any area (touching edges do not count).
    pub fn overlaps(&self, other: &Rect) -> bool {
        self.x < other.right() - 1e-9
            && other.x < self.right() - 1e-9
            && self.y < other.bottom() - 1e-9
            && other.y < self.bottom() - 1e-9
    }

    /// Whether `other` lies wholly inside this rectangle.
    pub fn encloses(&self, other: &Rect) -> bool {
        other.x >= self.x - 1e-9
            && other.y >= self.y - 1e-9
            && other.right() <= self.right() + 1e-9
            && other.bottom() <= self.bottom() + 1e-9
    }
}

/// How a box is filled. Fill style carries the kind of claim: solid for what happened, pale
/// for plans and tiles, hatched for what we derived, none (dashed outline) for targets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fill {
    Solid,
    Tint,
    Hatched,
    None,
}

/// An outline.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Stroke {
    pub role: Role,
    pub width: f64,
    pub dashed: bool,
}

/// Horizontal alignment of a text mark.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

/// One line of text; `y` is the top of the line.
#[derive(Clone, Debug, PartialEq)]
pub struct TextMark {
    pub x: f64,
    pub y: f64,
    pub text: String,
    pub size: f64,
    pub bold: bool,
    pub role: Role,
    pub anchor: Anchor,
}

impl TextMark {
    /// The area the text is estimated to cover.
    pub fn bounds(&self) -> Rect {
        let width = if self.bold {
            super::text::bold_text_width(&self.text, self.size)
        } else {
            super::text::text_width(&self.text, self.size)
        };
        let x = match self.anchor {
            Anchor::Start => self.x,
            Anchor::Middle => self.x - width / 2.0,
            Anchor::End => self.x - width,
        };
        Rect::new(x, self.y, width, self.size * 1.25)
    }
}

/// A mark of a scene.
#[derive(Clone, Debug, PartialEq)]
pub enum Mark {
    Box {
        rect: Rect,
        role: Role,
        fill: Fill,
        stroke: Option<Stroke>,
    },
    Text(TextMark),
    Line {
        from: (f64, f64),
        to: (f64, f64),
        role: Role,
        width: f64,
        dashed: bool,
    },
    /// A right-pointing arrowhead with its tip at `tip`: "more than" at the end of a bar.
    Arrow {
        tip: (f64, f64),
        size: f64,
        role: Role,
    },
}

/// A sentence a detail comes from.
#[derive(Clone, Debug, PartialEq)]
pub struct SourceQuote {
    /// The article's sentence, verbatim but for page breaks.
    pub zh: String,
    /// Its English rendering, shown beside it in the English page.
    pub en: Option<String>,
}

/// What the tooltip, the live region and the data table say about an item, in the page's
/// language.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Details {
    pub title: String,
    /// The value with its unit and the article's qualifier, formatted for readers.
    pub value: Option<String>,
    /// Short tags: qualifier, result/plan/target, period, "derived".
    pub tags: Vec<String>,
    pub note: Option<String>,
    /// Further facts the article ties to this item, one line each.
    pub related: Vec<String>,
    /// The sentences the item comes from: one for a figure or a named item, every sentence its
    /// inputs come from for a derived figure.
    pub sources: Vec<SourceQuote>,
    /// The sentences that date a derived year (2022年). The note says so in a line; the data
    /// table and the CSV quote them, the tooltip does not: on a phone the two long sentences
    /// made it taller than the room above or below the finger.
    pub dated_by: Vec<SourceQuote>,
}

impl Details {
    /// Every sentence cited: the item's own, then those dating its year.
    pub fn all_sources(&self) -> impl Iterator<Item = &SourceQuote> {
        self.sources.iter().chain(&self.dated_by)
    }
}

/// Something a reader can point at.
#[derive(Clone, Debug, PartialEq)]
pub struct Item {
    /// Stable across sizes and languages (a figure id or list id and index).
    pub key: String,
    pub bounds: Rect,
    pub details: Details,
}

/// A laid-out chart.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Scene {
    pub width: f64,
    pub height: f64,
    pub marks: Vec<Mark>,
    /// In reading order, which is also the keyboard order.
    pub items: Vec<Item>,
}

impl Scene {
    /// The item under a point in CSS px, if any.
    pub fn item_at(&self, x: f64, y: f64) -> Option<usize> {
        self.items
            .iter()
            .position(|item| item.bounds.contains(x, y))
    }

    /// Index of the item with this key.
    pub fn index_of(&self, key: &str) -> Option<usize> {
        self.items.iter().position(|item| item.key == key)
    }

    pub fn push_text(&mut self, text: TextMark) {
        self.marks.push(Mark::Text(text));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::layout::LINE_HEIGHT;
    use crate::charts::text::text_width;

    /// Boxes that only touch do not overlap, whichever side they touch on; sharing any area
    /// does. An enclosed box away from the origin is enclosed.
    #[test]
    fn touching_is_not_overlapping_and_enclosing_works_anywhere() {
        let middle = Rect::new(10.0, 10.0, 10.0, 10.0);
        let touching = [
            Rect::new(0.0, 10.0, 10.0, 10.0),
            Rect::new(20.0, 10.0, 10.0, 10.0),
            Rect::new(10.0, 0.0, 10.0, 10.0),
            Rect::new(10.0, 20.0, 10.0, 10.0),
        ];
        for other in touching {
            assert!(
                !middle.overlaps(&other) && !other.overlaps(&middle),
                "{other:?}"
            );
            let mut shifted = other;
            shifted.x += (middle.x - other.x).signum() * 0.5;
            shifted.y += (middle.y - other.y).signum() * 0.5;
            assert!(
                middle.overlaps(&shifted) && shifted.overlaps(&middle),
                "{shifted:?}"
            );
        }
        let inside = Rect::new(12.0, 12.0, 8.0, 8.0);
        assert!(middle.overlaps(&inside) && middle.encloses(&inside));
        assert!(!inside.encloses(&middle));
        assert!(!middle.encloses(&Rect::new(9.5, 12.0, 5.0, 5.0)));
    }

    /// A text's bounds start at its point, are centred on it or end at it, as anchored, and
    /// are taller than the type (room for descenders) but shorter than a line, so the lines of
    /// a block never overlap.
    #[test]
    fn a_texts_bounds_follow_its_anchor_and_fit_a_line() {
        let text = |anchor| TextMark {
            x: 100.0,
            y: 40.0,
            text: "巴南 Banan".to_owned(),
            size: 13.0,
            bold: false,
            role: Role::Text,
            anchor,
        };
        let width = text_width("巴南 Banan", 13.0);
        let start = text(Anchor::Start).bounds();
        let middle = text(Anchor::Middle).bounds();
        let end = text(Anchor::End).bounds();
        assert_eq!((start.x, start.y, start.width), (100.0, 40.0, width));
        assert!((middle.x + middle.width / 2.0 - 100.0).abs() < 1e-9);
        assert!((end.right() - 100.0).abs() < 1e-9);
        for bounds in [start, middle, end] {
            assert!(bounds.height >= 1.2 * 13.0 && bounds.height < LINE_HEIGHT * 13.0);
        }
    }
}
