//! Numbers and units for readers: every rule of `format` as a table of input → expected output.

use banan_infographic::data::{Qualifier, Status, Unit};
use banan_infographic::format::{
    capitalized, count_in_words_en, format_as_written, format_base_amount, format_number,
    format_share, format_value, qualifier_label, status_label, MISSING,
};
use banan_infographic::lang::Lang;

use Lang::{En, Zh};
use Qualifier::{About, AtLeast, Exact, MoreThan, Scale};
use Unit::{
    Count, EnterpriseHouseholds, Enterprises, Hectares, Households, Percent, Products, Sites,
    WanMu, WanSquareMetres, YiYuan,
};

/// One row: stored value, unit, qualifier, language, expected text.
type Row = (Option<f64>, Unit, Qualifier, Lang, &'static str);

const VALUE_TABLE: &[Row] = &[
    // Chinese, the article's own figures.
    (Some(215.0), YiYuan, Exact, Zh, "215亿元"),
    (Some(49.82), WanSquareMetres, Exact, Zh, "49.82万平方米"),
    (Some(67.79), WanSquareMetres, Exact, Zh, "67.79万平方米"),
    (Some(0.98), WanSquareMetres, Exact, Zh, "9800平方米"),
    (Some(5711.0), Households, Exact, Zh, "5711户"),
    (Some(10732.0), Households, Exact, Zh, "10732户"),
    (Some(1.65), WanMu, Exact, Zh, "1.65万亩"),
    (Some(1000.0), YiYuan, MoreThan, Zh, "超1000亿元"),
    // "More than" with no wording of its own: 超 ("at least" a rate: 以上); never 多 or 余, which
    // would bound it (300多 is under 400). The article's words: `format_as_written_table`.
    (Some(300.0), Households, MoreThan, Zh, "超300户"),
    (Some(13.9), Percent, Exact, Zh, "13.9%"),
    (Some(10.0), Percent, MoreThan, Zh, "超10%"),
    (Some(10.0), Percent, AtLeast, Zh, "10%以上"),
    (Some(500.0), YiYuan, Scale, Zh, "500亿元级"),
    (Some(100.0), YiYuan, Scale, Zh, "100亿元级"),
    (Some(100.0), Enterprises, MoreThan, Zh, "超100家"),
    (Some(35.0), Enterprises, Exact, Zh, "35家"),
    (Some(13.0), Count, Exact, Zh, "13个"),
    (Some(10.0), Products, Exact, Zh, "10款"),
    (Some(26.0), Sites, Exact, Zh, "26处"),
    (Some(300.0), EnterpriseHouseholds, MoreThan, Zh, "超300户"),
    (Some(5.0), YiYuan, About, Zh, "约5亿元"),
    // Chinese, yuan magnitudes: ≥1亿 → 亿元, ≥1万 → 万元, else 元.
    (Some(0.5), YiYuan, Exact, Zh, "5000万元"),
    (Some(1.0), YiYuan, Exact, Zh, "1亿元"),
    (Some(0.0001), YiYuan, Exact, Zh, "1万元"),
    (Some(0.00009949), YiYuan, Exact, Zh, "9949元"),
    (Some(0.0000995), YiYuan, Exact, Zh, "1.00万元"),
    (Some(0.0000125), YiYuan, Exact, Zh, "1250元"),
    (Some(0.5), YiYuan, MoreThan, Zh, "超5000万元"),
    // Chinese, other qualifier placements.
    (Some(215.0), YiYuan, AtLeast, Zh, "不低于215亿元"),
    (
        Some(49.82),
        WanSquareMetres,
        MoreThan,
        Zh,
        "超49.82万平方米",
    ),
    (Some(1.5), Hectares, MoreThan, Zh, "超1.5公顷"),
    (Some(13.9), Percent, MoreThan, Zh, "超13.9%"),
    (Some(13.9), Percent, About, Zh, "约13.9%"),
    // Chinese, measures go into 万/亿 but counts never do.
    (Some(15000.0), Hectares, Exact, Zh, "1.5万公顷"),
    (Some(12000.0), WanSquareMetres, Exact, Zh, "1.2亿平方米"),
    (Some(123456.0), Households, Exact, Zh, "123456户"),
    (Some(250000.0), Enterprises, Exact, Zh, "250000家"),
    // English, the article's own figures.
    (Some(215.0), YiYuan, Exact, En, "CNY 21.5 billion"),
    (Some(50.0), YiYuan, Exact, En, "CNY 5 billion"),
    (Some(0.5), YiYuan, Exact, En, "CNY 50 million"),
    (Some(49.82), WanSquareMetres, Exact, En, "498,200 m²"),
    (Some(67.79), WanSquareMetres, Exact, En, "677,900 m²"),
    (Some(0.98), WanSquareMetres, Exact, En, "9,800 m²"),
    (Some(5711.0), Households, Exact, En, "5,711 households"),
    (Some(10732.0), Households, Exact, En, "10,732 households"),
    (Some(1.0), Households, Exact, En, "1 household"),
    // Mu with hectares beside them, 15 mu to the hectare, to the whole hectare.
    (Some(2.0), WanMu, MoreThan, En, "over 20,000 mu (≈1,333 ha)"),
    (Some(1.65), WanMu, Exact, En, "16,500 mu (≈1,100 ha)"),
    (Some(1500.0), Hectares, MoreThan, En, "over 1,500 ha"),
    (Some(1000.0), YiYuan, MoreThan, En, "over CNY 100 billion"),
    (Some(300.0), Households, MoreThan, En, "over 300 households"),
    (Some(13.9), Percent, Exact, En, "13.9%"),
    (Some(10.0), Percent, AtLeast, En, "10% or more"),
    (Some(10.0), Percent, MoreThan, En, "over 10%"),
    (Some(500.0), YiYuan, Scale, En, "CNY 50-billion scale"),
    (Some(100.0), YiYuan, Scale, En, "CNY 10-billion scale"),
    (
        Some(100.0),
        Enterprises,
        MoreThan,
        En,
        "over 100 enterprises",
    ),
    (Some(35.0), Enterprises, Exact, En, "35 enterprises"),
    (Some(1.0), Enterprises, Exact, En, "1 enterprise"),
    (Some(13.0), Count, Exact, En, "13"),
    (Some(13.0), Count, MoreThan, En, "over 13"),
    (Some(10.0), Products, Exact, En, "10 products"),
    (Some(1.0), Products, Exact, En, "1 product"),
    (Some(26.0), Sites, Exact, En, "26 sites"),
    (Some(1.0), Sites, Exact, En, "1 site"),
    (
        Some(300.0),
        EnterpriseHouseholds,
        MoreThan,
        En,
        "over 300 enterprises",
    ),
    (Some(50.0), YiYuan, About, En, "about CNY 5 billion"),
    (Some(5.0), YiYuan, About, En, "about CNY 500 million"),
    // English, magnitudes and the rest of the qualifiers.
    (Some(0.001), YiYuan, Exact, En, "CNY 100,000"),
    (Some(1.0), YiYuan, Exact, En, "CNY 100 million"),
    (Some(10.0), YiYuan, Exact, En, "CNY 1 billion"),
    (
        Some(123.4567),
        WanSquareMetres,
        Exact,
        En,
        "1.23 million m²",
    ),
    (Some(1.0), YiYuan, Scale, En, "CNY 100-million scale"),
    (
        Some(1000.0),
        Hectares,
        Scale,
        En,
        "on the order of 1,000 ha",
    ),
    (Some(215.0), YiYuan, AtLeast, En, "CNY 21.5 billion or more"),
    (
        Some(1234567.0),
        Households,
        Exact,
        En,
        "1,234,567 households",
    ),
    // Zero.
    (Some(0.0), YiYuan, Exact, Zh, "0元"),
    (Some(0.0), YiYuan, Exact, En, "CNY 0"),
    (Some(-0.0), YiYuan, Exact, Zh, "0元"),
    (Some(0.0), WanSquareMetres, Exact, Zh, "0平方米"),
    (Some(0.0), WanSquareMetres, Exact, En, "0 m²"),
    (Some(0.0), Households, Exact, En, "0 households"),
    (Some(0.0), Percent, Exact, Zh, "0%"),
    // Negatives take a real minus sign.
    (Some(-215.0), YiYuan, Exact, Zh, "−215亿元"),
    (Some(-215.0), YiYuan, Exact, En, "CNY −21.5 billion"),
    (Some(-0.5), YiYuan, Exact, Zh, "−5000万元"),
    (Some(-3.5), Percent, Exact, Zh, "−3.5%"),
    (Some(-3.5), Percent, Exact, En, "−3.5%"),
    (Some(-5711.0), Households, Exact, En, "−5,711 households"),
    (Some(-1.0), Households, Exact, En, "−1 households"),
    // Missing and non-finite values.
    (None, YiYuan, Exact, Zh, "—"),
    (None, YiYuan, Exact, En, "—"),
    (None, Percent, MoreThan, Zh, "—"),
    (Some(f64::NAN), YiYuan, Exact, Zh, "—"),
    (Some(f64::NAN), Households, Exact, En, "—"),
    (Some(f64::INFINITY), WanMu, Exact, Zh, "—"),
    (Some(f64::NEG_INFINITY), YiYuan, About, En, "—"),
    (Some(1e308), YiYuan, Exact, Zh, "—"),
    // Rounding before choosing the magnitude; fixed decimals when rounding changed the number.
    (Some(0.99995), YiYuan, Exact, Zh, "1.00亿元"),
    (Some(0.99995), YiYuan, Exact, En, "CNY 100.00 million"),
    (Some(9.99999999), YiYuan, Exact, En, "CNY 1.00 billion"),
    (Some(9.99999999), YiYuan, Exact, Zh, "10.00亿元"),
    (Some(0.00009999999), YiYuan, Exact, Zh, "1.00万元"),
    (Some(0.999999), WanSquareMetres, Exact, Zh, "1.00万平方米"),
    (Some(1.005), YiYuan, Exact, Zh, "1.01亿元"),
    (Some(1.234), YiYuan, Exact, Zh, "1.23亿元"),
    (Some(1.199), YiYuan, Exact, Zh, "1.20亿元"),
    (Some(1.2), YiYuan, Exact, Zh, "1.2亿元"),
    (Some(1.10), YiYuan, Exact, Zh, "1.1亿元"),
    (Some(13.956), Percent, Exact, Zh, "13.96%"),
    (Some(13.95), Percent, Exact, En, "13.95%"),
    (Some(2.996), WanMu, MoreThan, Zh, "超3.00万亩"),
    (Some(0.1 + 0.2), Percent, Exact, En, "0.3%"),
    (Some(1e-11), YiYuan, Exact, Zh, "0.00元"),
    (Some(-1e-11), YiYuan, Exact, En, "CNY 0.00"),
];

#[test]
fn format_value_table() {
    let mut failures = Vec::new();
    for &(value, unit, qualifier, lang, expected) in VALUE_TABLE {
        let actual = format_value(value, unit, qualifier, lang);
        if actual != expected {
            failures.push(format!(
                "{value:?} {unit:?} {qualifier:?} {lang:?}: expected {expected:?}, got {actual:?}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The article's figures keep its word for "more than": 余 and 多 as written, 超 for 破,
/// 突破 and 超. Each row: value, unit, the figure as the article writes it, language, expected.
#[test]
fn format_as_written_table() {
    let table: &[(f64, Unit, &str, Lang, &str)] = &[
        (1500.0, Hectares, "总面积1500多公顷", Zh, "1500多公顷"),
        (2.0, WanMu, "特色产品2万余亩", Zh, "2万余亩"),
        (100.0, Enterprises, "百余家配套企业", Zh, "100余家"),
        (300.0, EnterpriseHouseholds, "突破300户", Zh, "超300户"),
        (1000.0, YiYuan, "工业总产值破千亿元", Zh, "超1000亿元"),
        (700.0, YiYuan, "收入突破700亿元", Zh, "超700亿元"),
        (2.996, WanMu, "2万余亩", Zh, "3.00万余亩"),
        // 余 or 多 after decimals or a percent sign would misread: 超 instead.
        (1.5, Hectares, "1.5多公顷", Zh, "超1.5公顷"),
        (10.0, Percent, "10多%", Zh, "超10%"),
        // A word inside another word is not the qualifier's: 多彩 is "colourful".
        (3.0, Count, "多彩的3个", Zh, "超3个"),
        // English has one wording.
        (1500.0, Hectares, "总面积1500多公顷", En, "over 1,500 ha"),
        (
            100.0,
            Enterprises,
            "百余家配套企业",
            En,
            "over 100 enterprises",
        ),
    ];
    for &(value, unit, written, lang, expected) in table {
        assert_eq!(
            format_as_written(Some(value), unit, MoreThan, written, lang),
            expected,
            "{value} {unit:?} {written} {lang:?}"
        );
    }
    assert_eq!(
        format_as_written(None, Hectares, MoreThan, "1500多公顷", Zh),
        MISSING
    );
    // 以上 counts the number itself: "at least", shown in the article's word in Chinese and as
    // "or more" in English.
    for (lang, expected) in [(Zh, "10%以上"), (En, "10% or more")] {
        assert_eq!(
            format_as_written(Some(10.0), Percent, AtLeast, "增长10%以上", lang),
            expected
        );
    }
    assert_eq!(
        format_as_written(Some(5711.0), Households, Exact, "5711户", Zh),
        "5711户"
    );
}

#[test]
fn format_base_amount_table() {
    let table: &[(f64, Unit, Qualifier, Lang, &str)] = &[
        (99_995_000.0, YiYuan, Exact, Zh, "1.00亿元"),
        (999_999_999.0, YiYuan, Exact, En, "CNY 1.00 billion"),
        (21_500_000_000.0, YiYuan, Exact, En, "CNY 21.5 billion"),
        (50_000_000.0, YiYuan, Exact, Zh, "5000万元"),
        (9_949.0, YiYuan, Exact, Zh, "9949元"),
        (9_950.0, YiYuan, Exact, Zh, "1.00万元"),
        (995_000.0, YiYuan, Exact, En, "CNY 1.00 million"),
        (498_200.0, WanSquareMetres, Exact, Zh, "49.82万平方米"),
        (20_000.0, WanMu, MoreThan, Zh, "超2万亩"),
        (5711.0, Households, Exact, En, "5,711 households"),
        (f64::NAN, YiYuan, Exact, En, MISSING),
    ];
    for &(base, unit, qualifier, lang, expected) in table {
        assert_eq!(
            format_base_amount(base, unit, qualifier, lang),
            expected,
            "{base} {unit:?} {qualifier:?} {lang:?}"
        );
    }
}

#[test]
fn format_number_table() {
    let table: &[(f64, Lang, &str)] = &[
        (5711.0, En, "5,711"),
        (5711.0, Zh, "5711"),
        (498_200.0, En, "498,200"),
        (1_234_567.891, En, "1,234,567.89"),
        (1_234_567.891, Zh, "1234567.89"),
        (999.0, En, "999"),
        (1000.0, En, "1,000"),
        (0.0, En, "0"),
        (-0.0, Zh, "0"),
        (-1234.5, En, "−1,234.5"),
        (-1234.5, Zh, "−1234.5"),
        (2.999, Zh, "3.00"),
        (49.82, Zh, "49.82"),
        (f64::NAN, Zh, "—"),
        (f64::INFINITY, En, "—"),
        (f64::NEG_INFINITY, Zh, "—"),
        // Past 10¹⁸ the whole part is printed digit by digit (exact for powers of ten).
        (1e19, En, "10,000,000,000,000,000,000"),
        (-1e22, Zh, "−10000000000000000000000"),
        (1e18, En, "1,000,000,000,000,000,000"),
        (0.000_001, En, "0.00"),
        (0.005, Zh, "0.01"),
    ];
    for &(n, lang, expected) in table {
        assert_eq!(format_number(n, lang), expected, "{n} {lang:?}");
    }
}

#[test]
fn count_in_words_table() {
    // (count, in prose, at the start of a heading through capitalized)
    let table: &[(f64, &str, &str)] = &[
        (1.0, "one", "One"),
        (2.0, "two", "Two"),
        (5.0, "five", "Five"),
        (8.0, "eight", "Eight"),
        (9.0, "nine", "Nine"),
        // Ten and more, nothing, and what is not a whole count stay digits.
        (10.0, "10", "10"),
        (1200.0, "1,200", "1,200"),
        (0.0, "0", "0"),
        (2.5, "2.5", "2.5"),
        (-3.0, "\u{2212}3", "\u{2212}3"),
        (f64::NAN, "—", "—"),
    ];
    for &(n, prose, heading) in table {
        assert_eq!(count_in_words_en(n), prose, "{n}");
        assert_eq!(capitalized(&count_in_words_en(n)), heading, "{n}");
    }
}

#[test]
fn capitalized_table() {
    for (text, expected) in [
        ("more than", "More than"),
        ("result", "Result"),
        ("Plan", "Plan"),
        ("“Rice + N”", "“Rice + N”"),
        ("已实现", "已实现"),
        // Only an ASCII first letter: the code capitalises its own English words.
        ("ørsted", "ørsted"),
        ("", ""),
    ] {
        assert_eq!(capitalized(text), expected, "{text}");
    }
}

#[test]
fn format_share_table() {
    let table: &[(f64, Lang, &str)] = &[
        (0.2326, Zh, "23.3%"),
        (0.2326, En, "23.3%"),
        (0.5, Zh, "50%"),
        (0.125, En, "12.5%"),
        (1.0, En, "100%"),
        (0.0, Zh, "0%"),
        (0.99999, Zh, "100.0%"),
        (0.00049, En, "0.0%"),
        (-0.1, En, "−10%"),
        (12.5, En, "1,250%"),
        (12.5, Zh, "1250%"),
        (f64::NAN, En, "—"),
        (f64::INFINITY, Zh, "—"),
    ];
    for &(fraction, lang, expected) in table {
        assert_eq!(
            format_share(fraction, lang),
            expected,
            "{fraction} {lang:?}"
        );
    }
}

#[test]
fn qualifier_labels() {
    let table: &[(Qualifier, &str, &str)] = &[
        (Exact, "", ""),
        (MoreThan, "超过", "more than"),
        (AtLeast, "不低于", "at least"),
        (About, "约", "about"),
        (Scale, "量级", "order of magnitude"),
    ];
    for &(qualifier, zh, en) in table {
        assert_eq!(qualifier_label(qualifier, Zh), zh, "{qualifier:?}");
        assert_eq!(qualifier_label(qualifier, En), en, "{qualifier:?}");
    }
}

#[test]
fn status_labels() {
    let table: &[(Status, &str, &str)] = &[
        (Status::Result, "已实现", "result"),
        (Status::Plan, "计划", "plan"),
        (Status::Target, "目标", "target"),
    ];
    for &(status, zh, en) in table {
        assert_eq!(status_label(status, Zh), zh, "{status:?}");
        assert_eq!(status_label(status, En), en, "{status:?}");
    }
}

#[test]
fn never_panics_and_never_prints_nan() {
    let units = [
        YiYuan,
        WanSquareMetres,
        WanMu,
        Hectares,
        Households,
        Enterprises,
        Count,
        Products,
        Sites,
        EnterpriseHouseholds,
        Percent,
    ];
    let qualifiers = [Exact, MoreThan, AtLeast, About, Scale];
    let values = [
        None,
        Some(f64::NAN),
        Some(f64::INFINITY),
        Some(f64::NEG_INFINITY),
        Some(f64::MAX),
        Some(f64::MIN),
        Some(f64::MIN_POSITIVE),
        Some(-f64::MIN_POSITIVE),
        Some(5e-324),
        Some(1e300),
        Some(-1e-300),
        Some(0.0),
        Some(-0.0),
        Some(0.005),
        Some(-0.005),
        Some(9999.995),
    ];
    for unit in units {
        for qualifier in qualifiers {
            for lang in [Zh, En] {
                for value in values {
                    let text = format_value(value, unit, qualifier, lang);
                    assert!(!text.is_empty());
                    assert!(!text.contains("NaN") && !text.contains("inf"), "{text}");
                    assert!(
                        !text.contains('-')
                            || text.contains("-billion")
                            || text.contains("-million"),
                        "{text}"
                    );
                }
            }
        }
    }
}
