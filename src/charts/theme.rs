//! Colours and sizes shared by every chart. One palette (Okabe–Ito, distinguishable with the
//! common colour-vision deficiencies), each colour bound to one meaning across the page.

/// A colour as red, green, blue.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// `#rrggbb`, for CSS and SVG.
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }

    /// Mixes `amount` (0–1) of `self` into `base`.
    pub fn mix(self, base: Rgb, amount: f64) -> Rgb {
        let channel =
            |a: u8, b: u8| (f64::from(b) + (f64::from(a) - f64::from(b)) * amount).round() as u8;
        Rgb(
            channel(self.0, base.0),
            channel(self.1, base.1),
            channel(self.2, base.2),
        )
    }
}

/// What a mark means; the theme turns it into a colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Role {
    /// Something that has happened.
    Result,
    /// Something the district will do.
    Plan,
    /// A goal.
    Target,
    /// A figure we computed from the article's figures.
    Derived,
    /// Emerging industries (新兴产业).
    Emerging,
    /// Advantage industries (优势产业).
    Advantage,
    /// Future industries (未来产业).
    Future,
    /// Producer services (生产性服务业).
    Services,
    /// Work under way this year (as against completed).
    Started,
    /// Body text.
    Text,
    /// Secondary text, axes.
    Muted,
    /// Grid lines and frames.
    Grid,
    /// The chart's background.
    Background,
    /// The outline of the highlighted item.
    Focus,
}

/// A colour scheme.
#[derive(Clone, Debug, PartialEq)]
pub struct Theme {
    pub dark: bool,
    pub background: Rgb,
    pub text: Rgb,
    pub muted: Rgb,
    pub grid: Rgb,
    pub focus: Rgb,
    /// Result, plan, target, derived, emerging, advantage, future, services, started.
    pub marks: [Rgb; 9],
}

/// The font stack: the reader's own system fonts, Chinese ones included; nothing is downloaded.
pub const FONT_FAMILY: &str =
    "system-ui, -apple-system, \"PingFang SC\", \"Hiragino Sans GB\", \"Microsoft YaHei\", \"Noto Sans CJK SC\", sans-serif";

/// Text sizes in CSS px; never below 12 so labels stay legible on phones.
pub mod size {
    pub const LABEL: f64 = 13.0;
    pub const SMALL: f64 = 12.0;
    pub const VALUE: f64 = 15.0;
    pub const HEADING: f64 = 14.0;
}

impl Theme {
    pub fn light() -> Theme {
        Theme {
            dark: false,
            background: Rgb(255, 255, 255),
            text: Rgb(0x1a, 0x1a, 0x1a),
            muted: Rgb(0x5c, 0x5c, 0x5c),
            grid: Rgb(0xd4, 0xd4, 0xd4),
            focus: Rgb(0x1a, 0x1a, 0x1a),
            marks: [
                Rgb(0x00, 0x72, 0xb2),
                Rgb(0x00, 0x7a, 0x5a),
                Rgb(0xc2, 0x4e, 0x00),
                Rgb(0x6b, 0x6b, 0x6b),
                Rgb(0x00, 0x72, 0xb2),
                Rgb(0xb3, 0x6b, 0x00),
                Rgb(0xa8, 0x4a, 0x8a),
                Rgb(0x00, 0x7a, 0x5a),
                Rgb(0xe6, 0x9f, 0x00),
            ],
        }
    }

    pub fn dark() -> Theme {
        Theme {
            dark: true,
            background: Rgb(0x16, 0x18, 0x1c),
            text: Rgb(0xee, 0xee, 0xee),
            muted: Rgb(0xb0, 0xb0, 0xb0),
            grid: Rgb(0x44, 0x47, 0x4d),
            focus: Rgb(0xff, 0xff, 0xff),
            marks: [
                Rgb(0x56, 0xb4, 0xe9),
                Rgb(0x2e, 0xc4, 0x96),
                Rgb(0xf0, 0x8a, 0x4b),
                Rgb(0xa0, 0xa0, 0xa0),
                Rgb(0x56, 0xb4, 0xe9),
                Rgb(0xe6, 0x9f, 0x00),
                Rgb(0xdd, 0x94, 0xc4),
                Rgb(0x2e, 0xc4, 0x96),
                Rgb(0xf0, 0xe4, 0x42),
            ],
        }
    }

    /// The colour of a role.
    pub fn color(&self, role: Role) -> Rgb {
        match role {
            Role::Result => self.marks[0],
            Role::Plan => self.marks[1],
            Role::Target => self.marks[2],
            Role::Derived => self.marks[3],
            Role::Emerging => self.marks[4],
            Role::Advantage => self.marks[5],
            Role::Future => self.marks[6],
            Role::Services => self.marks[7],
            Role::Started => self.marks[8],
            Role::Text => self.text,
            Role::Muted => self.muted,
            Role::Grid => self.grid,
            Role::Background => self.background,
            Role::Focus => self.focus,
        }
    }

    /// A pale version of a role's colour, for tiles that carry text.
    pub fn tint(&self, role: Role) -> Rgb {
        self.color(role)
            .mix(self.background, if self.dark { 0.28 } else { 0.14 })
    }
}
