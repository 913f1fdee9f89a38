//! The data file: it parses, every figure traces to the article, and each way a file can be
//! broken is reported by file, entry and problem.

use banan_infographic::data::{
    load_default, parse_dataset, DataError, Figure, Qualifier, Status, Unit, ARTICLE_TEXT,
    DEFAULT_DATA_JSON,
};
use serde_json::{json, Value};

fn default_json() -> Value {
    serde_json::from_str(DEFAULT_DATA_JSON).expect("the default data file is JSON")
}

fn parse_value(value: &Value) -> Result<(), DataError> {
    parse_dataset("broken.json", &value.to_string(), Some(ARTICLE_TEXT)).map(|_| ())
}

fn find_mut<'a>(value: &'a mut Value, kind: &str, id: &str) -> &'a mut Value {
    value[kind]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|entry| entry["id"] == id)
        .unwrap_or_else(|| panic!("no {kind} {id}"))
}

/// Asserts that the broken file is rejected with a message naming the file, the entry and the
/// problem.
fn assert_rejected(value: &Value, entry: &str, problem: &str) {
    let error = parse_value(value).expect_err("a broken file must be rejected");
    let message = error.to_string();
    assert!(message.starts_with("broken.json:"), "{message}");
    assert!(
        error
            .problems
            .iter()
            .any(|p| p.entry.as_deref().is_some_and(|e| e.contains(entry))
                && p.problem.contains(problem)),
        "expected {entry}: …{problem}… in\n{message}"
    );
}

/// The compiled-in file, which the build writes into every page, is data/article.json as it is.
#[test]
fn the_embedded_file_is_data_article_json() {
    let file = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/article.json"))
        .expect("data/article.json");
    assert_eq!(DEFAULT_DATA_JSON, file);
}

#[test]
fn the_default_file_is_valid() {
    let dataset = load_default().unwrap_or_else(|error| panic!("{error}"));
    assert_eq!(
        dataset.figures.len(),
        default_json()["figures"].as_array().unwrap().len()
    );
    assert_eq!(
        dataset.figure("major_projects_investment").unwrap().value,
        215.0
    );
    assert_eq!(
        dataset
            .list("city_check_dimensions_named")
            .unwrap()
            .items
            .len(),
        8
    );
}

#[test]
fn every_source_sentence_is_in_the_article_verbatim() {
    let json = default_json();
    let sources = json["sources"].as_array().unwrap();
    assert!(sources.len() >= 20);
    for source in sources {
        let zh = source["zh"].as_str().unwrap();
        assert!(!zh.is_empty());
        assert!(ARTICLE_TEXT.contains(zh), "not in the article: {zh}");
        assert!(!source["en"].as_str().unwrap().is_empty());
    }
}

/// Each figure's number appears in its own sentence, as digits or as the Chinese numeral.
#[test]
fn every_value_appears_in_its_sentence() {
    let json = default_json();
    let numerals = [
        (100.0, "百"),
        (1000.0, "千"),
        (5.0, "五"),
        (3.0, "三"),
        (1.0, "亿元"),
    ];
    for figure in json["figures"].as_array().unwrap() {
        let id = figure["id"].as_str().unwrap();
        let value = figure["value"].as_f64().unwrap();
        let source_id = figure["source"].as_str().unwrap();
        let sentence: String = json["sources"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["id"] == source_id)
            .unwrap_or_else(|| panic!("{id}: no source {source_id}"))["zh"]
            .as_str()
            .unwrap()
            .replace('\n', "");
        let written = figure["written"].as_str().unwrap();
        assert!(
            sentence.contains(written),
            "{id}: {written} not in {sentence}"
        );
        let digits = format!("{value}");
        let numeral = numerals.iter().find(|(v, _)| *v == value).map(|(_, n)| *n);
        assert!(
            written.contains(&digits) || numeral.is_some_and(|n| written.contains(n)),
            "{id}: {value} not in {written}"
        );
    }
}

#[test]
fn the_headline_figures_carry_the_articles_qualifiers() {
    let dataset = load_default().unwrap();
    use banan_infographic::data::{Qualifier, Status};
    let cases = [
        (
            "major_projects_investment",
            215.0,
            Qualifier::Exact,
            Status::Plan,
        ),
        (
            "industrial_output",
            1000.0,
            Qualifier::MoreThan,
            Status::Result,
        ),
        (
            "industrial_investment",
            100.0,
            Qualifier::MoreThan,
            Status::Result,
        ),
        (
            "above_size_enterprises",
            300.0,
            Qualifier::MoreThan,
            Status::Result,
        ),
        (
            "digital_economy_revenue",
            700.0,
            Qualifier::MoreThan,
            Status::Target,
        ),
        (
            "industrial_value_added_growth",
            10.0,
            Qualifier::AtLeast,
            Status::Target,
        ),
        (
            "specialty_products_area",
            2.0,
            Qualifier::MoreThan,
            Status::Plan,
        ),
        (
            "renewal_area_hectares",
            1500.0,
            Qualifier::MoreThan,
            Status::Plan,
        ),
        (
            "display_cluster_target",
            500.0,
            Qualifier::Scale,
            Status::Target,
        ),
        (
            "old_completed_households",
            5711.0,
            Qualifier::Exact,
            Status::Result,
        ),
    ];
    for (id, value, qualifier, status) in cases {
        let figure = dataset.figure(id).unwrap();
        assert_eq!(
            (figure.value, figure.qualifier, figure.status),
            (value, qualifier, status),
            "{id}"
        );
    }
}

/// On the page, a Chinese "more than" or "at least" uses 余, 多 or 以上 only where the article
/// does: 300多户 for the article's 突破300户 would bound the number (under 400), which the article
/// does not.
#[test]
fn chinese_more_than_words_are_the_articles() {
    use banan_infographic::charts::details::figure_value;
    use banan_infographic::data::{qualifies_a_number, Qualifier};
    use banan_infographic::lang::Lang;
    let dataset = load_default().unwrap();
    let mut checked = 0;
    for figure in dataset
        .figures
        .iter()
        .filter(|f| matches!(f.qualifier, Qualifier::MoreThan | Qualifier::AtLeast))
    {
        let shown = figure_value(figure, Lang::Zh);
        for word in ["余", "多", "以上"] {
            assert_eq!(
                qualifies_a_number(&shown, word),
                qualifies_a_number(&figure.written, word),
                "{}: the page shows {shown}, the article writes {}",
                figure.id,
                figure.written
            );
        }
        checked += 1;
    }
    assert!(
        checked >= 9,
        "only {checked} more-than and at-least figures"
    );
}

#[test]
fn a_file_that_is_not_json_names_the_file_and_the_position() {
    let error = parse_dataset("bad.json", "{\"article\": ", Some(ARTICLE_TEXT)).unwrap_err();
    let message = error.to_string();
    assert!(message.starts_with("bad.json:"), "{message}");
    assert!(message.contains("line 1"), "{message}");
}

#[test]
fn an_unknown_field_is_rejected() {
    let mut json = default_json();
    find_mut(&mut json, "figures", "major_projects_count")["valu"] = json!(3);
    assert_rejected(
        &json,
        "figure \"major_projects_count\"",
        "unknown field `valu`",
    );
}

#[test]
fn an_unknown_unit_is_rejected_with_the_units_the_format_knows() {
    let mut json = default_json();
    find_mut(&mut json, "figures", "major_projects_count")["unit"] = json!("斤");
    let error = parse_value(&json).expect_err("an unknown unit must be rejected");
    let problem = &error.problems[0].problem;
    assert!(
        problem.contains("field `unit`: unknown variant `斤`"),
        "{error}"
    );
    for unit in Unit::ALL {
        assert!(problem.contains(&format!("`{}`", unit.symbol())), "{error}");
    }
}

/// Each name the format knows decodes to its own value: the figure then carries it, or the
/// checks refuse the changed figure in words that name it (`the qualifier is more_than`).
#[test]
fn every_unit_qualifier_and_status_is_read_by_its_name() {
    fn read_back<T: PartialEq + std::fmt::Debug>(
        field: &str,
        name: &str,
        expected: T,
        of: impl Fn(&Figure) -> T,
    ) {
        let mut json = default_json();
        find_mut(&mut json, "figures", "major_projects_count")[field] = json!(name);
        match parse_dataset("changed.json", &json.to_string(), Some(ARTICLE_TEXT)) {
            Ok(dataset) => {
                let figure = dataset
                    .figures
                    .iter()
                    .find(|f| f.id == "major_projects_count");
                assert_eq!(of(figure.unwrap()), expected, "{field} {name}");
            }
            Err(error) => {
                let message = error.to_string();
                assert!(!message.contains("unknown variant"), "{message}");
                assert!(message.contains(name), "{field} {name}: {message}");
            }
        }
    }
    for unit in Unit::ALL {
        read_back("unit", unit.symbol(), unit, |figure| figure.unit);
    }
    for qualifier in Qualifier::ALL {
        read_back("qualifier", qualifier.json_name(), qualifier, |f| {
            f.qualifier
        });
    }
    for status in Status::ALL {
        read_back("status", status.json_name(), status, |figure| figure.status);
    }
}

#[test]
fn entries_of_the_wrong_shape_are_named_all_at_once() {
    let mut json = default_json();
    find_mut(&mut json, "figures", "major_projects_count")["value"] = json!("13");
    find_mut(&mut json, "lists", "future_industries")["items"] = json!("人工智能");
    json["sources"][0].as_object_mut().unwrap().remove("id");
    json["article"]["title_en"] = json!(["a", "list"]);
    find_mut(&mut json, "lists", "display_enterprises")["items"][1]["zh"] = json!(35);
    let error = parse_value(&json).expect_err("a broken file must be rejected");
    assert_eq!(error.problems.len(), 5, "{error}");
    assert_rejected(
        &json,
        "figure \"major_projects_count\"",
        "field `value`: invalid type: string \"13\", expected f64",
    );
    assert_rejected(
        &json,
        "list \"future_industries\"",
        "field `items`: invalid type: string \"人工智能\", expected a sequence",
    );
    // Without an id, an entry is named by its place in its array.
    assert_rejected(&json, "source no. 1", "missing field `id`");
    assert_rejected(
        &json,
        "article",
        "field `title_en`: invalid type: sequence, expected a string",
    );
    // Inside a list, the item is named by its place.
    assert_rejected(
        &json,
        "list \"display_enterprises\"",
        "field `items`: item 2: field `zh`: invalid type: integer `35`, expected a string",
    );
}

#[test]
fn a_file_without_one_of_its_parts_is_rejected_as_a_whole() {
    let mut json = default_json();
    json.as_object_mut().unwrap().remove("lists");
    let error = parse_value(&json).expect_err("a file without lists must be rejected");
    assert_eq!(error.problems.len(), 1, "{error}");
    assert_eq!(error.problems[0].entry, None);
    assert!(
        error.problems[0].problem.contains("missing field `lists`"),
        "{error}"
    );
}

#[test]
fn a_missing_or_negative_value_is_rejected() {
    let mut json = default_json();
    find_mut(&mut json, "figures", "major_projects_count")["value"] = Value::Null;
    assert_rejected(&json, "figure \"major_projects_count\"", "value is missing");
    find_mut(&mut json, "figures", "major_projects_count")["value"] = json!(-13);
    assert_rejected(
        &json,
        "figure \"major_projects_count\"",
        "not a finite amount",
    );
}

#[test]
fn a_value_its_sentence_does_not_state_is_rejected() {
    let mut json = default_json();
    find_mut(&mut json, "figures", "major_projects_investment")["value"] = json!(251);
    assert_rejected(&json, "figure \"major_projects_investment\"", "is not what");
}

#[test]
fn a_qualifier_the_articles_words_do_not_support_is_rejected() {
    // 增长10%以上: 以上 counts the 10% itself, "at least", so neither exact nor "more than" will do.
    for wrong in ["exact", "more_than"] {
        let mut json = default_json();
        find_mut(&mut json, "figures", "industrial_value_added_growth")["qualifier"] = json!(wrong);
        assert_rejected(
            &json,
            "figure \"industrial_value_added_growth\"",
            &format!("says at_least (以上/至少/不低于/不少于), but the qualifier is {wrong}"),
        );
    }
    // 500亿级 is a scale, not an exact 500亿元.
    let mut json = default_json();
    find_mut(&mut json, "figures", "display_cluster_target")["qualifier"] = json!("exact");
    assert_rejected(
        &json,
        "figure \"display_cluster_target\"",
        "says scale (级), but the qualifier is exact",
    );
    // "More than" needs a word that says so: 13个 is exact.
    let mut json = default_json();
    find_mut(&mut json, "figures", "major_projects_count")["qualifier"] = json!("more_than");
    assert_rejected(
        &json,
        "figure \"major_projects_count\"",
        "the qualifier is more_than, but \"13个重大招商项目\" has no word that says so",
    );
}

#[test]
fn a_qualifier_word_inside_another_word_is_not_a_qualifier() {
    // 市级名牌农产品11个: the 级 of 市级 (municipal) says nothing about the number.
    let json = default_json();
    let figure = json["figures"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["id"] == "municipal_brand_products")
        .unwrap();
    assert!(figure["written"].as_str().unwrap().contains("市级"));
    assert_eq!(figure["qualifier"], "exact");
    parse_value(&json).expect("the default file is valid");
}

#[test]
fn words_not_in_the_sentence_are_rejected() {
    let mut json = default_json();
    find_mut(&mut json, "figures", "major_projects_investment")["written"] = json!("总投资251亿元");
    assert_rejected(
        &json,
        "figure \"major_projects_investment\"",
        "not in its source sentence",
    );
}

#[test]
fn a_sentence_not_in_the_article_is_rejected() {
    let mut json = default_json();
    find_mut(&mut json, "sources", "projects")["zh"] = json!("计划总投资251亿元。");
    assert_rejected(&json, "source \"projects\"", "not in the article");
}

#[test]
fn an_unknown_source_is_rejected() {
    let mut json = default_json();
    find_mut(&mut json, "figures", "major_projects_count")["source"] = json!("nowhere");
    assert_rejected(
        &json,
        "figure \"major_projects_count\"",
        "\"nowhere\" is not among the sources",
    );
}

#[test]
fn an_unused_source_is_rejected() {
    let mut json = default_json();
    json["sources"]
        .as_array_mut()
        .unwrap()
        .push(json!({"id": "spare", "zh": "开好局、起好步。", "en": "A good start."}));
    assert_rejected(&json, "source \"spare\"", "no figure or list quotes");
}

#[test]
fn duplicate_and_malformed_ids_are_rejected() {
    let mut json = default_json();
    let copy = find_mut(&mut json, "figures", "major_projects_count").clone();
    json["figures"].as_array_mut().unwrap().push(copy);
    assert_rejected(&json, "figure \"major_projects_count\"", "used twice");
    let mut json = default_json();
    find_mut(&mut json, "figures", "major_projects_count")["id"] = json!("Major Projects");
    assert_rejected(&json, "figure \"Major Projects\"", "lower-case");
}

/// JSON parsers keep the last of two equal keys without a word; the loader refuses the entry and
/// names the key and its line, where the editor's copied field is.
#[test]
fn a_field_written_twice_is_refused_with_its_line() {
    let pretty = serde_json::to_string_pretty(&default_json()).unwrap();
    let mut lines: Vec<&str> = pretty.lines().collect();
    let id_line = lines
        .iter()
        .position(|line| line.trim() == r#""id": "major_projects_count","#)
        .expect("the figure's id line");
    lines.insert(id_line + 1, r#"      "value": 1,"#);
    // The figure's own value comes after the copy: serde_json writes keys sorted, "id" first.
    let again = id_line
        + 2
        + lines[id_line + 2..]
            .iter()
            .position(|line| line.trim_start().starts_with(r#""value":"#))
            .expect("the figure's own value");
    let error = parse_dataset("broken.json", &lines.join("\n"), Some(ARTICLE_TEXT)).unwrap_err();
    assert_eq!(error.problems.len(), 1, "{error}");
    assert_eq!(
        error.problems[0].entry.as_deref(),
        Some("figure \"major_projects_count\"")
    );
    let problem = &error.problems[0].problem;
    assert!(problem.starts_with("duplicate field `value`"), "{error}");
    assert!(
        problem.contains(&format!("(line {}, column ", again + 1)),
        "{error}"
    );
}

#[test]
fn empty_labels_are_rejected() {
    let mut json = default_json();
    find_mut(&mut json, "figures", "major_projects_count")["label_en"] = json!(" ");
    assert_rejected(
        &json,
        "figure \"major_projects_count\"",
        "\"label_en\" is empty",
    );
    let mut json = default_json();
    json["article"]["title_zh"] = json!("");
    assert_rejected(&json, "article", "\"title_zh\" is empty");
}

#[test]
fn a_part_larger_than_its_whole_is_rejected() {
    let mut json = default_json();
    let figure = find_mut(&mut json, "figures", "display_module_investment");
    figure["part_of"] = json!("jiangjia_output_goal");
    assert_rejected(
        &json,
        "figure \"display_module_investment\"",
        "larger than it",
    );
    let mut json = default_json();
    find_mut(&mut json, "figures", "display_module_investment")["part_of"] =
        json!("old_completed_households");
    assert_rejected(
        &json,
        "figure \"display_module_investment\"",
        "in another unit",
    );
    let mut json = default_json();
    find_mut(&mut json, "figures", "display_module_investment")["part_of"] = json!("missing");
    assert_rejected(
        &json,
        "figure \"display_module_investment\"",
        "not a figure",
    );
}

#[test]
fn a_sum_that_does_not_add_up_is_rejected() {
    let mut json = default_json();
    find_mut(&mut json, "figures", "industry_cluster_count")["sum_of"] =
        json!(["emerging_industry_count"]);
    assert_rejected(
        &json,
        "figure \"industry_cluster_count\"",
        "should be the sum",
    );
}

#[test]
fn a_list_that_disagrees_with_its_count_is_rejected() {
    let mut json = default_json();
    find_mut(&mut json, "lists", "city_check_dimensions_named")["items"]
        .as_array_mut()
        .unwrap()
        .pop();
    assert_rejected(
        &json,
        "list \"city_check_dimensions_named\"",
        "names 7 items but",
    );
    let mut json = default_json();
    let items = find_mut(&mut json, "lists", "integration_demo_named")["items"]
        .as_array_mut()
        .unwrap();
    let first = items[0].clone();
    items.extend(std::iter::repeat_n(first, 10));
    assert_rejected(&json, "list \"integration_demo_named\"", "more than the 10");
}

#[test]
fn a_value_of_zero_is_a_value() {
    // 总投资50亿元 holds a 0: a file may state nothing yet invested.
    let mut json = default_json();
    find_mut(&mut json, "figures", "display_module_investment")["value"] = json!(0);
    let dataset = parse_dataset("zero.json", &json.to_string(), Some(ARTICLE_TEXT))
        .expect("0 is a finite amount ≥ 0");
    let figure = dataset.figure("display_module_investment").unwrap();
    assert_eq!(figure.value, 0.0);
}

#[test]
fn periods_and_notes_come_in_pairs() {
    for missing in ["period_zh", "period_en"] {
        let mut json = default_json();
        let figure = find_mut(&mut json, "figures", "major_projects_count");
        figure.as_object_mut().unwrap().remove(missing).unwrap();
        assert_rejected(
            &json,
            "figure \"major_projects_count\"",
            "a period needs both period_zh and period_en",
        );
    }
    for missing in ["note_zh", "note_en"] {
        let mut json = default_json();
        let item = &mut find_mut(&mut json, "lists", "major_projects_named")["items"][1];
        item.as_object_mut().unwrap().remove(missing).unwrap();
        assert_rejected(
            &json,
            "list \"major_projects_named\", item 2",
            "a note needs both note_zh and note_en",
        );
    }
}

#[test]
fn a_list_without_items_is_rejected() {
    let mut json = default_json();
    find_mut(&mut json, "lists", "major_projects_fields")["items"] = json!([]);
    assert_rejected(
        &json,
        "list \"major_projects_fields\"",
        "the list has no items",
    );
}

#[test]
fn a_sum_off_by_one_is_rejected() {
    // 5 = 2 + 3; with the 1 of jiangjia_output_goal the parts make 6.
    let mut json = default_json();
    find_mut(&mut json, "figures", "industry_cluster_count")["sum_of"] = json!([
        "emerging_industry_count",
        "advantage_industry_count",
        "jiangjia_output_goal"
    ]);
    assert_rejected(
        &json,
        "figure \"industry_cluster_count\"",
        "which is 6, not 5",
    );
}

/// 约 and 左右 say "about" (约13.9%, 13.9%左右). The article uses neither, so the sentence is
/// edited and the file read without the article, as the page reads it.
#[test]
fn yue_and_zuoyou_say_about() {
    for written in ["增长约13.9%", "增长13.9%左右"] {
        let mut json = default_json();
        let figure = find_mut(&mut json, "figures", "agri_processing_growth");
        let source = figure["source"].as_str().unwrap().to_owned();
        figure["written"] = json!(written);
        let sentence = find_mut(&mut json, "sources", &source);
        let zh = sentence["zh"].as_str().unwrap();
        assert!(zh.contains("增长13.9%"), "{zh}");
        sentence["zh"] = json!(zh.replace("增长13.9%", written));
        let parse = |json: &Value| parse_dataset("about.json", &json.to_string(), None);
        let error = parse(&json).expect_err("stored as exact");
        assert!(
            error.to_string().contains(&format!(
                "\"{written}\" says about (约/左右), but the qualifier is exact"
            )),
            "{error}"
        );
        find_mut(&mut json, "figures", "agri_processing_growth")["qualifier"] = json!("about");
        let dataset = parse(&json).unwrap_or_else(|e| panic!("{written}: {e}"));
        let figure = dataset.figure("agri_processing_growth").unwrap();
        assert_eq!(figure.qualifier, Qualifier::About, "{written}");
    }
}

#[test]
fn a_list_item_not_in_its_sentence_is_rejected() {
    let mut json = default_json();
    find_mut(&mut json, "lists", "city_check_dimensions_named")["items"][0]["zh"] =
        json!("幸福指数");
    assert_rejected(
        &json,
        "list \"city_check_dimensions_named\", item 1",
        "\"幸福指数\" is not in",
    );
}

#[test]
fn an_item_linking_an_unknown_figure_is_rejected() {
    let mut json = default_json();
    let list = find_mut(&mut json, "lists", "emerging_industries");
    list["items"][0]["figures"] = json!(["no_such_figure"]);
    assert_rejected(
        &json,
        "list \"emerging_industries\", item 1",
        "\"no_such_figure\", which does not exist",
    );
}

#[test]
fn all_problems_are_reported_at_once() {
    let mut json = default_json();
    find_mut(&mut json, "figures", "major_projects_count")["label_zh"] = json!("");
    find_mut(&mut json, "figures", "industrial_output")["label_en"] = json!("");
    let error = parse_value(&json).unwrap_err();
    assert_eq!(error.problems.len(), 2, "{error}");
}

#[test]
fn a_file_nested_too_deeply_is_refused_by_its_entry() {
    // The outline skips an entry's text without recursion, and decoding the entry stops at the
    // first value of the wrong type, so a hostile depth costs neither stack nor time.
    let nested = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let text =
        format!("{{\"article\": {nested}, \"sources\": [], \"figures\": [], \"lists\": []}}");
    let error = parse_dataset("deep.json", &text, Some(ARTICLE_TEXT)).unwrap_err();
    assert_eq!(error.problems.len(), 1, "{error}");
    assert_eq!(error.problems[0].entry.as_deref(), Some("article"));
    assert!(
        error.problems[0]
            .problem
            .contains("invalid type: sequence, expected a string"),
        "{error}"
    );
}

/// A list the article closes with 等 or 为代表 names only some of its items: the model says so
/// (and the page marks its heading), and the file may not claim it complete.
#[test]
fn a_list_the_article_closes_with_deng_is_incomplete() {
    let dataset = load_default().unwrap();
    let complete = |id: &str| dataset.list(id).unwrap().complete;
    // 食品商贸流通等领域, 航空航天等未来产业, 软件和信息服务等, 黑五牧为代表的.
    for id in [
        "major_projects_fields",
        "future_industries",
        "producer_services",
        "jiangjia_black_industry",
        "old_completed_named",
    ] {
        assert!(!complete(id), "{id}");
    }
    // 新一代信息技术2大新兴产业, 创新活力8个维度: all named.
    for id in ["emerging_industries", "city_check_dimensions_named"] {
        assert!(complete(id), "{id}");
    }
    let mut json = default_json();
    find_mut(&mut json, "lists", "old_completed_named")["named_of"]["complete"] = json!(true);
    assert_rejected(
        &json,
        "list \"old_completed_named\"",
        "named_of says complete, but the article closes the list with 等 or 为代表",
    );
}

/// The article's 今年 is 2022 because its sentences write 2022年 for this year's plans: periods of
/// 今年 and 去年 carry that year and the one before, marked as derived and quoting those
/// sentences; a year the sentences do not write is refused.
#[test]
fn this_year_is_dated_from_the_articles_own_sentences() {
    use banan_infographic::charts::details::{figure_details, figure_tags};
    use banan_infographic::lang::Lang;
    let dataset = load_default().unwrap();
    let year = |id: &str| dataset.figure(id).unwrap().year.as_ref().map(|y| y.year);
    assert_eq!(year("digital_economy_revenue"), Some(2022));
    assert_eq!(year("industrial_output"), Some(2021));
    assert_eq!(year("old_completed_floor_area"), None, "目前 has no year");
    assert_eq!(year("car_suppliers"), None, "2022年 is stated, not derived");
    let output = dataset.figure("industrial_output").unwrap();
    let tags = figure_tags(output, Lang::En);
    assert!(tags.contains(&"last year, 2021".to_owned()), "{tags:?}");
    assert!(tags.contains(&"year derived".to_owned()), "{tags:?}");
    let details = figure_details(output, Lang::Zh);
    // Its own sentence, and apart from it (the table and CSV quote them, not the tooltip) the two
    // that date the article's 今年.
    assert_eq!(details.sources.len(), 1, "{:?}", details.sources);
    let dating: Vec<&str> = details.dated_by.iter().map(|s| s.zh.as_str()).collect();
    assert_eq!(dating.len(), 2, "{dating:?}");
    assert!(dating.iter().all(|s| s.contains("2022年")), "{dating:?}");

    let mut json = default_json();
    json["article"]["this_year"]["year"] = json!(2021);
    assert_rejected(
        &json,
        "article, this_year",
        "the sentence \"car\" does not write 2021年",
    );
}

#[test]
fn an_english_rendering_cut_short_is_rejected() {
    let mut json = default_json();
    find_mut(&mut json, "sources", "renewal_works")["en"] =
        json!("This year Banan will strengthen its core, ... push ahead with Babin Road, ...");
    assert_rejected(
        &json,
        "source \"renewal_works\"",
        "the English rendering leaves part of the sentence out",
    );
}

mod this_year_checks {
    use super::*;

    /// The article's 今年 is a whole year between 1900 and 2100: a fraction or a year out of that
    /// range is refused as not a year, each on its own.
    #[test]
    fn a_this_year_that_is_not_a_year_is_rejected() {
        for year in [json!(2022.5), json!(1850), json!(2101), json!(-2022)] {
            let mut json = default_json();
            json["article"]["this_year"]["year"] = year.clone();
            assert_rejected(
                &json,
                "article, this_year",
                &format!("{year} is not a year"),
            );
        }
        // In range and whole, it is a year: the check goes on to its sentences.
        let mut json = default_json();
        json["article"]["this_year"]["year"] = json!(2100);
        assert_rejected(
            &json,
            "article, this_year",
            "the sentence \"car\" does not write 2100年",
        );
    }
}

mod values_in_words {
    use super::*;

    /// A value the article writes in Chinese numerals (五大, 破千亿, 百余家) is checked against
    /// them as against digits: 4 is not what 五大 says. Only a bare 亿元 after 破 reads as one.
    #[test]
    fn a_value_written_in_numerals_must_be_what_they_say() {
        for (id, wrong) in [
            ("industry_cluster_count", 4),
            ("industrial_output", 100),
            ("car_suppliers", 1000),
            ("industry_breakthroughs", 2),
        ] {
            let mut json = default_json();
            find_mut(&mut json, "figures", id)["value"] = json!(wrong);
            assert_rejected(
                &json,
                &format!("figure \"{id}\""),
                &format!("the value {wrong} is not what"),
            );
        }
        // 产值破亿元: one 亿元, with no numeral at all.
        let dataset = load_default().unwrap();
        let goal = dataset.figure("jiangjia_output_goal").unwrap();
        assert_eq!((goal.value, goal.written.as_str()), (1.0, "产值破亿元"));
    }
}

mod parts_and_wholes {
    use super::*;

    /// A file of one sentence and two figures: "whole", and "part", part of it.
    fn file(whole: u32, part: u32) -> String {
        let figure = |id: &str, value: u32, part_of: Option<&str>| {
            json!({
                "id": id, "value": value, "unit": "亿元", "status": "result",
                "label_zh": id, "label_en": id, "written": format!("{value}亿元"),
                "part_of": part_of, "source": "s"
            })
        };
        json!({
            "article": {
                "title_zh": "标题", "title_en": "Title", "dek_zh": "导语", "dek_en": "Dek",
                "credit_zh": "文", "credit_en": "Text"
            },
            "sources": [{
                "id": "s",
                "zh": format!("全年投资{whole}亿元，其中工业投资{part}亿元。"),
                "en": "Investment for the year, of which industry."
            }],
            "figures": [figure("whole", whole, None), figure("part", part, Some("whole"))],
            "lists": []
        })
        .to_string()
    }

    /// A part may be all of its whole (the article's 其中 can be the whole amount), never more.
    #[test]
    fn a_part_as_large_as_its_whole_is_a_part() {
        let dataset = parse_dataset("parts.json", &file(10, 10), None).unwrap();
        assert_eq!(
            dataset.figure("part").unwrap().part_of.as_deref(),
            Some("whole")
        );
        parse_dataset("parts.json", &file(10, 9), None).unwrap();
        let error = parse_dataset("parts.json", &file(10, 11), None).unwrap_err();
        assert_eq!(
            error.to_string(),
            "parts.json:\n  figure \"part\": it is part of \"whole\" but larger than it"
        );
    }
}

/// A sum is checked to 1e-9, the slack float addition of the article's decimals needs (0.1 +
/// 0.2 is not 0.3 in binary): a total that far from its parts is accepted, one twice as far is
/// not. Here the one part is 0 and the total 1e-9 or 2e-9 (which their words do not state, so
/// other problems are reported too; only the sum's matters here).
#[test]
fn a_sum_is_checked_to_within_1e_9() {
    let sum_problems = |total: f64| {
        let mut json = default_json();
        find_mut(&mut json, "figures", "emerging_industry_count")["value"] = json!(0.0);
        let figure = find_mut(&mut json, "figures", "industry_cluster_count");
        figure["value"] = json!(total);
        figure["sum_of"] = json!(["emerging_industry_count"]);
        let error = parse_value(&json).expect_err("the values' words do not match");
        error
            .problems
            .iter()
            .filter(|p| p.problem.contains("it should be the sum of"))
            .count()
    };
    assert_eq!(sum_problems(1e-9), 0);
    assert_eq!(sum_problems(2e-9), 1);
}

/// The English labels, list titles and item names stand alone (under a value, as a heading, a
/// tile, a tooltip's title), so each starts as a sentence does: with a capital, also inside an
/// opening quote.
#[test]
fn english_labels_titles_and_items_are_in_sentence_case() {
    let dataset = load_default().unwrap();
    let labels = dataset.figures.iter().map(|figure| &figure.label.en);
    let titles = dataset.lists.iter().map(|list| &list.title.en);
    let items = dataset
        .lists
        .iter()
        .flat_map(|list| list.items.iter().map(|item| &item.name.en));
    let lower: Vec<&String> = labels
        .chain(titles)
        .chain(items)
        .filter(|text| {
            text.trim_start_matches(['“', '‘', '"'])
                .chars()
                .next()
                .is_some_and(char::is_lowercase)
        })
        .collect();
    assert_eq!(lower, Vec::<&String>::new());
}
