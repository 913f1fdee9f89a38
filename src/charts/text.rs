//! Text measurement and wrapping for layout. Layout must not depend on a backend's font
//! metrics (the native measurer guesses from byte length), so widths are estimated here from
//! character classes, erring wide so that labels never overflow their boxes.

/// Whether a character is set full-width (CJK ideographs, kana, full-width punctuation).
pub fn is_wide(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x115F | 0x2E80..=0x303E | 0x3041..=0x33FF | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF | 0xA000..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x2018..=0x201D)
}

/// Estimated width of one character in em.
fn char_em(c: char) -> f64 {
    if is_wide(c) {
        1.0
    } else if c == ' ' {
        0.32
    } else if c.is_ascii_uppercase() || c == 'm' || c == 'w' {
        0.8
    } else if matches!(
        c,
        'i' | 'l' | 'j' | '.' | ',' | ':' | ';' | '\'' | '|' | '!'
    ) {
        0.32
    } else {
        // Generous for wide fallback fonts (DejaVu Sans on Linux): labels must never be cut.
        0.64
    }
}

/// Estimated width of `text` at `size` CSS px.
pub fn text_width(text: &str, size: f64) -> f64 {
    text.chars().map(char_em).sum::<f64>() * size
}

/// How much wider bold glyphs run than regular ones, generously.
pub const BOLD_FACTOR: f64 = 1.12;

/// Estimated width of bold `text` at `size` CSS px.
pub fn bold_text_width(text: &str, size: f64) -> f64 {
    text_width(text, size) * BOLD_FACTOR
}

/// Punctuation that must not start a line (Chinese line-breaking rule, 避头).
fn is_closing(c: char) -> bool {
    matches!(
        c,
        '，' | '。'
            | '、'
            | '；'
            | '：'
            | '）'
            | '”'
            | '’'
            | '！'
            | '？'
            | ','
            | '.'
            | ')'
            | ';'
            | ':'
    )
}

/// Breaks `text` into lines no wider than `max_width`: between words for Latin text, between
/// characters for Chinese. A single word wider than the line is kept whole.
pub fn wrap(text: &str, size: f64, max_width: f64) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line: Vec<String> = Vec::new();
    let mut line_width = 0.0;
    for token in tokens(text) {
        let token_width = text_width(&token, size);
        if !line.is_empty() && line_width + token_width > max_width {
            // Closing punctuation may not start a line: it takes the character before it along.
            let carried = if token.chars().next().is_some_and(is_closing) && line.len() > 1 {
                line.pop()
            } else {
                None
            };
            lines.push(line.concat().trim_end().to_owned());
            line = carried.into_iter().collect();
            line_width = line.iter().map(|t| text_width(t, size)).sum();
            if line.is_empty() {
                let trimmed = token.trim_start().to_owned();
                line_width = text_width(&trimmed, size);
                line.push(trimmed);
                continue;
            }
        }
        line_width += token_width;
        line.push(token);
    }
    let last = line.concat();
    if !last.trim().is_empty() {
        lines.push(last.trim_end().to_owned());
    }
    lines
}

/// Punctuation that must not end a line (避尾): it goes with what follows it.
fn is_opening(c: char) -> bool {
    matches!(c, '（' | '“' | '‘' | '《' | '「' | '『' | '【')
}

/// Whether the curly quote or apostrophe at `index` is part of a Latin word (year’s, “chip,):
/// next to a Latin character rather than a Chinese one or a space. `is_wide` counts these quotes
/// wide, as Chinese text sets them, where a line may break beside them; in a word it may not.
fn is_latin_quote(chars: &[char], index: usize) -> bool {
    let latin = |c: Option<&char>| c.is_some_and(|&c| !is_wide(c) && !c.is_whitespace());
    matches!(chars[index], '‘' | '’' | '“' | '”')
        && (latin(index.checked_sub(1).and_then(|i| chars.get(i))) || latin(chars.get(index + 1)))
}

/// Characters inside a full-width bracket that keep the group on one line: a short aside such
/// as （派生） or （亩） reads as one word, and splitting it strands a lone character.
const SHORT_ASIDE: usize = 4;

/// Breakable pieces: each wide character alone, each Latin word with its trailing space, a
/// short bracketed aside whole, and opening punctuation joined to the piece after it.
fn tokens(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut tokens = Vec::new();
    let mut word = String::new();
    // Opening punctuation waiting for the piece it opens.
    let mut opener = String::new();
    let mut index = 0;
    while index < chars.len() {
        let c = chars[index];
        index += 1;
        if !is_wide(c) || is_latin_quote(&chars, index - 1) {
            word.push_str(&std::mem::take(&mut opener));
            word.push(c);
            if c == ' ' || c == '-' || c == '/' {
                tokens.push(std::mem::take(&mut word));
            }
            continue;
        }
        if !word.is_empty() {
            tokens.push(std::mem::take(&mut word));
        }
        if c == '（' {
            let close = chars[index..]
                .iter()
                .take(SHORT_ASIDE + 1)
                .position(|&next| next == '）');
            if let Some(close) = close {
                let aside: String = chars[index - 1..=index + close].iter().collect();
                tokens.push(std::mem::take(&mut opener) + &aside);
                index += close + 1;
                continue;
            }
        }
        if is_opening(c) {
            opener.push(c);
            continue;
        }
        let mut token = std::mem::take(&mut opener);
        token.push(c);
        tokens.push(token);
    }
    word.push_str(&opener);
    if !word.is_empty() {
        tokens.push(word);
    }
    tokens
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_is_wider_than_latin() {
        assert_eq!(text_width("生物医药", 10.0), 40.0);
        assert!(text_width("bio", 10.0) < 20.0);
    }

    #[test]
    fn wraps_latin_between_words_and_chinese_between_characters() {
        assert_eq!(
            wrap("new generation information", 10.0, 70.0),
            vec!["new", "generation", "information"]
        );
        assert_eq!(
            wrap("新一代信息技术", 10.0, 40.0),
            vec!["新一代信", "息技术"]
        );
        assert_eq!(wrap("ab", 10.0, 100.0), vec!["ab"]);
        assert!(wrap("", 10.0, 100.0).is_empty());
    }

    #[test]
    fn english_quotes_and_apostrophes_stay_in_their_words() {
        let text = "the two are counted as this year’s 15 “old communities”, not added";
        for width in (60..400).step_by(10) {
            let lines = wrap(text, 10.0, f64::from(width));
            assert_eq!(lines.join(" "), text, "width {width}");
            for word in ["year’s", "“old", "communities”,"] {
                assert!(lines.iter().any(|line| line.contains(word)), "{lines:?}");
            }
        }
        // Chinese quotes still break as Chinese text does: an opening one never ends a line, a
        // closing one never starts one.
        assert_eq!(wrap("一二“三四”五", 10.0, 40.0), vec!["一二“三", "四”五"]);
    }

    #[test]
    fn closing_punctuation_never_starts_a_line() {
        assert_eq!(wrap("一二三，四", 10.0, 30.0), vec!["一二", "三，四"]);
        for lines in [
            wrap("一二三。", 10.0, 30.0),
            wrap("口径不同，不相加。", 10.0, 40.0),
        ] {
            assert!(
                lines.iter().all(|line| !line.starts_with(is_closing)),
                "{lines:?}"
            );
            assert!(
                lines.iter().all(|line| text_width(line, 10.0) <= 40.0),
                "{lines:?}"
            );
        }
    }

    #[test]
    fn a_short_aside_stays_whole_and_opening_punctuation_never_ends_a_line() {
        for width in [40.0, 60.0, 80.0, 100.0, 130.0] {
            let lines = wrap("其余12个项目 165亿元（派生）", 10.0, width);
            assert!(
                lines.iter().any(|line| line.contains("（派生）")),
                "{width}: {lines:?}"
            );
            let quoted = wrap("文章称“一区五城”建设", 10.0, width);
            assert!(
                quoted.iter().all(|line| !line.ends_with('“')),
                "{width}: {quoted:?}"
            );
            assert_eq!(quoted.concat(), "文章称“一区五城”建设");
        }
        // Up to four characters inside; a longer parenthetical still breaks, between its
        // characters, and no line is wider than the width.
        assert_eq!(
            wrap("一二（三四五六）", 10.0, 60.0),
            vec!["一二", "（三四五六）"]
        );
        assert_eq!(
            wrap("一二（三四）五六", 10.0, 50.0),
            vec!["一二", "（三四）五", "六"]
        );
        for text in ["（一二三四五）", "（占23.3%，派生数据由总额减去已知部分）"]
        {
            let lines = wrap(text, 10.0, 60.0);
            assert!(lines.len() >= 2, "{lines:?}");
            assert!(
                lines.iter().all(|line| text_width(line, 10.0) <= 60.0),
                "{lines:?}"
            );
        }
    }

    #[test]
    fn a_word_wider_than_the_line_stays_whole_and_no_line_is_empty() {
        // Nothing before the comma on its line to take along: the comma cannot avoid starting
        // the next one, and the word is not moved off a line of its own.
        for text in ["abcdefgh，", "一二三四五六七八，"] {
            for width in [20.0, 40.0, 60.0] {
                let lines = wrap(text, 10.0, width);
                assert!(lines.iter().all(|line| !line.is_empty()), "{lines:?}");
                assert_eq!(lines.concat(), text);
            }
        }
        assert_eq!(wrap("abcdefgh，", 10.0, 40.0)[0], "abcdefgh");
    }

    #[test]
    fn a_curly_quote_beside_a_latin_letter_on_either_side_is_part_of_the_word() {
        // A closing quote after a word, then a space; an apostrophe after a space, then a word.
        assert_eq!(wrap("ab” cd", 10.0, 20.0), vec!["ab”", "cd"]);
        assert_eq!(wrap("ab ’cd", 10.0, 20.0), vec!["ab", "’cd"]);
    }
}
