//! Which data file `?data=` may load: only a file of this graphic's own, in its own folder on
//! its own site. A link with `?data=` shows that file's words under the publisher's name, so the
//! decision is made on the address as the platform's URL parser resolves it against the page's
//! own address (the parser drops tabs and newlines, reads `\` as `/`, decodes percent-escapes in
//! host names, resolves `..`), never on the text as written. The page fetches exactly the
//! address that was checked.

use crate::lang::Lang;

/// An address as a WHATWG URL parser resolved it (the browser's `URL` on the page; the `url`
/// crate, which implements the same standard, in native tests).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResolvedUrl {
    /// `https://example.org`, or `null` for an address without an origin (`data:`).
    pub origin: String,
    /// The scheme with its colon, `https:`.
    pub protocol: String,
    /// `/graphics/banan/data/article.json`, dots resolved.
    pub pathname: String,
    /// The whole address, normalised: what is fetched.
    pub href: String,
}

/// Why a `?data=` value was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// Nothing after `data=`.
    Empty,
    /// The URL parser cannot make an address of it.
    NotAnAddress,
    /// It resolves to another site, or to something that is not a web address (`data:`,
    /// `javascript:`, `blob:`); `origin` is where it points (`null` for those without one).
    OtherSite { origin: String },
    /// It is on this site but outside the graphic's folder, `folder`.
    OutsideFolder { folder: String },
}

impl Refusal {
    /// Why, in the reader's language, for the notice that names the refused value.
    pub fn reason(&self, lang: Lang) -> String {
        match (self, lang) {
            (Refusal::Empty, Lang::Zh) => "没有给出文件地址".to_owned(),
            (Refusal::Empty, Lang::En) => "it gives no file".to_owned(),
            (Refusal::NotAnAddress, Lang::Zh) => "不是有效的网址".to_owned(),
            (Refusal::NotAnAddress, Lang::En) => "it is not a valid address".to_owned(),
            (Refusal::OtherSite { origin }, Lang::Zh) => format!("它指向其他网站（{origin}）"),
            (Refusal::OtherSite { origin }, Lang::En) => {
                format!("it points to another site ({origin})")
            }
            (Refusal::OutsideFolder { folder }, Lang::Zh) => {
                format!("它不在本图解的目录（{folder}）之内")
            }
            (Refusal::OutsideFolder { folder }, Lang::En) => {
                format!("it lies outside this graphic’s folder ({folder})")
            }
        }
    }
}

/// The folder of a page's path: everything up to its last `/`.
fn folder_of(pathname: &str) -> &str {
    pathname.rfind('/').map_or("/", |slash| &pathname[..=slash])
}

/// The address to fetch for a `?data=` value, or why it is refused. `page` is the page's own
/// address and `resolve(value, base)` the platform's URL parser.
///
/// Accepted: an `http:`/`https:` address with the page's origin whose path lies in the page's
/// folder or below it. A file elsewhere on the same site is refused too: a site may host other
/// people's files (a CMS's uploads), and the graphic's data belongs beside it.
pub fn data_address(
    value: &str,
    page: &ResolvedUrl,
    resolve: impl Fn(&str, &str) -> Option<ResolvedUrl>,
) -> Result<String, Refusal> {
    if value.trim().is_empty() {
        return Err(Refusal::Empty);
    }
    let resolved = resolve(value, &page.href).ok_or(Refusal::NotAnAddress)?;
    let web = matches!(resolved.protocol.as_str(), "http:" | "https:");
    if !web || resolved.origin != page.origin {
        return Err(Refusal::OtherSite {
            origin: resolved.origin,
        });
    }
    let folder = folder_of(&page.pathname);
    if !resolved.pathname.starts_with(folder) {
        return Err(Refusal::OutsideFolder {
            folder: folder.to_owned(),
        });
    }
    Ok(resolved.href)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// The `url` crate's WHATWG parser, as the browser's `new URL(value, base)`.
    pub(crate) fn resolve(value: &str, base: &str) -> Option<ResolvedUrl> {
        let url = url::Url::parse(base).ok()?.join(value).ok()?;
        Some(ResolvedUrl {
            origin: url.origin().ascii_serialization(),
            protocol: format!("{}:", url.scheme()),
            pathname: url.path().to_owned(),
            href: url.into(),
        })
    }

    pub(crate) fn page(href: &str) -> ResolvedUrl {
        resolve(href, href).expect("a page address")
    }

    fn decide(value: &str, page_href: &str) -> Result<String, Refusal> {
        data_address(value, &page(page_href), resolve)
    }

    const PAGE: &str = "https://news.example/graphics/banan/index.html?data=x";

    fn other_site(origin: &str) -> Result<String, Refusal> {
        Err(Refusal::OtherSite {
            origin: origin.to_owned(),
        })
    }

    #[test]
    fn files_in_the_graphic_s_folder_are_fetched_at_their_resolved_address() {
        let base = "https://news.example/graphics/banan/";
        for (value, fetched) in [
            ("data/article.json", "data/article.json"),
            ("./data/x.json", "data/x.json"),
            ("data/../x.json", "x.json"),
            ("data/%2e%2e/x.json", "x.json"),
            ("fixtures/a b.json", "fixtures/a%20b.json"),
            ("/graphics/banan/d.json", "d.json"),
            ("https://news.example/graphics/banan/d.json", "d.json"),
            ("HTTPS://NEWS.EXAMPLE/graphics/banan/d.json", "d.json"),
            ("https://news.example:443/graphics/banan/d.json", "d.json"),
            // Characters the parser drops or reads as a slash, within the same site.
            ("data/\tx.json", "data/x.json"),
            ("data\\x.json", "data/x.json"),
            // Percent-escapes in a path stay escapes: a file's name, not a host.
            ("%2F%2Fevil.example/x.json", "%2F%2Fevil.example/x.json"),
            ("%5C%5Cevil.example/x.json", "%5C%5Cevil.example/x.json"),
            // The page's own scheme without slashes is a relative path.
            ("https:evil.example/x.json", "evil.example/x.json"),
        ] {
            assert_eq!(
                decide(value, PAGE),
                Ok(format!("{base}{fetched}")),
                "{value:?}"
            );
        }
    }

    #[test]
    fn addresses_of_other_sites_are_refused_however_they_are_written() {
        let evil = "https://evil.example";
        for value in [
            "//evil.example/x.json",
            "/\\evil.example/x.json",
            "\\/evil.example/x.json",
            "\\\\evil.example/x.json",
            "/\t/evil.example/x.json",
            "/\n/evil.example/x.json",
            "/\r\n/evil.example/x.json",
            "\t//evil.example/x.json",
            " //evil.example/x.json",
            "\u{0}//evil.example/x.json",
            "/\t\\evil.example/x.json",
            "https://evil.example/x.json",
            "HtTpS://EVIL.example/x.json",
            "https:\\\\evil.example/x.json",
            "https://news.example@evil.example/x.json",
            "https://evil.example\\@news.example/x.json",
        ] {
            assert_eq!(decide(value, PAGE), other_site(evil), "{value:?}");
        }
        for (value, origin) in [
            (
                "http://news.example/graphics/banan/x.json",
                "http://news.example",
            ),
            (
                "https://news.example:8443/graphics/banan/x.json",
                "https://news.example:8443",
            ),
            (
                "//xn--bcher-kva.example/x.json",
                "https://xn--bcher-kva.example",
            ),
            ("//bücher.example/x.json", "https://xn--bcher-kva.example"),
            ("//[::1]:8080/x.json", "https://[::1]:8080"),
            ("//127.0.0.1/x.json", "https://127.0.0.1"),
            ("//0x7f.1/x.json", "https://127.0.0.1"),
            // Another scheme than the page's, without slashes, still names a host.
            ("http:evil.example/x.json", "http://evil.example"),
        ] {
            assert_eq!(decide(value, PAGE), other_site(origin), "{value:?}");
        }
        // Not web addresses at all; their origin is whatever the parser says (often `null`).
        for value in [
            "ftp://evil.example/x.json",
            "data:application/json,{}",
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            "file:///etc/passwd",
            "mailto:x@news.example",
        ] {
            let refused = decide(value, PAGE);
            assert!(
                matches!(refused, Err(Refusal::OtherSite { .. })),
                "{value:?}: {refused:?}"
            );
        }
        // A blob: address carries the origin of the page that made it; still not a file here.
        assert_eq!(
            decide("blob:https://news.example/3c1c", PAGE),
            other_site("https://news.example")
        );
    }

    #[test]
    fn paths_that_climb_out_of_the_folder_are_refused() {
        let outside = Err(Refusal::OutsideFolder {
            folder: "/graphics/banan/".to_owned(),
        });
        for value in [
            "../x.json",
            "../../x.json",
            "/x.json",
            "/graphics/other/x.json",
            "/graphics/banana/x.json",
            "data/../../x.json",
            "%2e%2e/x.json",
            ".%2E/x.json",
            "..\\x.json",
            "https://news.example/uploads/x.json",
        ] {
            assert_eq!(decide(value, PAGE), outside, "{value:?}");
        }
        // At the root of a site the whole site is the folder.
        assert_eq!(
            decide("../../fixtures/x.json", "http://127.0.0.1:8080/?data=x"),
            Ok("http://127.0.0.1:8080/fixtures/x.json".to_owned())
        );
    }

    #[test]
    fn an_empty_value_or_one_that_is_no_address_is_refused() {
        assert_eq!(decide("", PAGE), Err(Refusal::Empty));
        assert_eq!(decide(" \t", PAGE), Err(Refusal::Empty));
        assert_eq!(decide("http://", PAGE), Err(Refusal::NotAnAddress));
        assert_eq!(
            decide("https://[::1/x.json", PAGE),
            Err(Refusal::NotAnAddress)
        );
    }

    #[test]
    fn every_reason_is_given_in_both_languages() {
        let reasons = [
            Refusal::Empty,
            Refusal::NotAnAddress,
            Refusal::OtherSite {
                origin: "https://evil.example".into(),
            },
            Refusal::OutsideFolder {
                folder: "/g/".into(),
            },
        ];
        for reason in reasons {
            let (zh, en) = (reason.reason(Lang::Zh), reason.reason(Lang::En));
            assert!(
                zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "{zh}"
            );
            assert!(
                !en.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "{en}"
            );
            assert_ne!(zh, en);
        }
    }
}
