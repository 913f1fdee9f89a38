//! Substring search for the page's few short searches (a sentence in the article, a figure's
//! words in its sentence), without core's Two-Way searcher, which `str::contains(&str)` and
//! `match_indices` bring into the wasm (1.5 KB) to be fast on long texts.

/// Byte offsets at which `needle` starts in `haystack`, overlapping ones included, in order.
/// Each is a character boundary, and so is its end.
pub fn occurrences<'a>(haystack: &'a str, needle: &'a str) -> impl Iterator<Item = usize> + 'a {
    let last = haystack.len().checked_sub(needle.len());
    // The boundary test matters only for an empty needle, which matches anywhere.
    (0..last.map_or(0, |last| last + 1)).filter(move |&at| {
        haystack.is_char_boundary(at) && haystack.as_bytes()[at..].starts_with(needle.as_bytes())
    })
}

/// Whether `needle` occurs in `haystack`, as `haystack.contains(needle)`.
pub fn contains(haystack: &str, needle: &str) -> bool {
    occurrences(haystack, needle).next().is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_what_str_finds() {
        let texts = [
            "",
            "a",
            "aaa",
            "巴南区巴南",
            "计划总投资215亿元",
            "10%以上以上",
        ];
        let words = [
            "",
            "a",
            "aa",
            "巴南",
            "南区巴",
            "215",
            "以上",
            "以上以上",
            "x",
            "亿元",
        ];
        for text in texts {
            for word in words {
                assert_eq!(
                    contains(text, word),
                    text.contains(word),
                    "{text:?} {word:?}"
                );
                let ours: Vec<usize> = occurrences(text, word).collect();
                let all: Vec<usize> = (0..=text.len())
                    .filter(|&at| text.is_char_boundary(at) && text[at..].starts_with(word))
                    .collect();
                assert_eq!(ours, all, "{text:?} {word:?}");
            }
        }
    }
}
