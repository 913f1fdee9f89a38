//! Page-wide state: language (the page's address decides it) and theme. Hover and selection live in each chart, so pointing at
//! one chart never re-renders the others.

use std::rc::Rc;

use yew::Reducible;

use crate::lang::Lang;
use crate::query::ThemeChoice;

/// The reader's settings.
#[derive(Clone, Debug, PartialEq)]
pub struct Settings {
    pub lang: Lang,
    pub theme: ThemeChoice,
    /// Whether the system asks for dark colours (used when `theme` is `Auto`).
    pub system_dark: bool,
    /// The page is being printed: paper is white whatever the theme.
    pub printing: bool,
    /// Device pixels per CSS px: canvases are drawn at it, and redrawn when it changes (browser
    /// zoom, a window moved to another screen), so charts stay crisp.
    pub pixel_ratio: f64,
}

impl Settings {
    /// Whether the page is drawn dark.
    pub fn dark(&self) -> bool {
        if self.printing {
            return false;
        }
        match self.theme {
            ThemeChoice::Dark => true,
            ThemeChoice::Light => false,
            ThemeChoice::Auto => self.system_dark,
        }
    }
}

/// What can change the settings.
pub enum SettingsAction {
    SetTheme(ThemeChoice),
    SystemDark(bool),
    Printing(bool),
    PixelRatio(f64),
}

impl Reducible for Settings {
    type Action = SettingsAction;

    fn reduce(self: Rc<Self>, action: SettingsAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            SettingsAction::SetTheme(theme) => next.theme = theme,
            SettingsAction::SystemDark(dark) => next.system_dark = dark,
            SettingsAction::Printing(printing) => next.printing = printing,
            SettingsAction::PixelRatio(ratio) => next.pixel_ratio = ratio,
        }
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn auto_follows_the_system() {
        let settings = Settings {
            lang: Lang::Zh,
            theme: ThemeChoice::Auto,
            system_dark: true,
            printing: false,
            pixel_ratio: 1.0,
        };
        assert!(settings.dark());
        let system_light = Rc::new(settings.clone()).reduce(SettingsAction::SystemDark(false));
        assert!(!system_light.dark(), "auto on a light system is light");
        let light = Rc::new(settings.clone()).reduce(SettingsAction::SetTheme(ThemeChoice::Light));
        assert!(!light.dark());
        let dark = Rc::new(settings).reduce(SettingsAction::SetTheme(ThemeChoice::Dark));
        assert!(dark.dark(), "the dark theme is dark");
        let dark_on_light_system = dark.clone().reduce(SettingsAction::SystemDark(false));
        assert!(
            dark_on_light_system.dark(),
            "a chosen theme does not follow the system"
        );
        assert!(
            !dark.reduce(SettingsAction::Printing(true)).dark(),
            "paper is white"
        );
    }

    #[test]
    fn a_new_pixel_ratio_is_a_new_state_and_the_same_one_is_not() {
        let settings = Rc::new(Settings {
            lang: Lang::Zh,
            theme: ThemeChoice::Auto,
            system_dark: false,
            printing: false,
            pixel_ratio: 2.0,
        });
        let same = settings.clone().reduce(SettingsAction::PixelRatio(2.0));
        assert!(
            Rc::ptr_eq(&same, &settings),
            "no re-render for the same ratio"
        );
        let zoomed = settings.reduce(SettingsAction::PixelRatio(3.0));
        assert_eq!(zoomed.pixel_ratio, 3.0);
    }
}
