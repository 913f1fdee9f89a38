//! A data file's JSON as a plain tree, parsed by serde_json in native builds and by the
//! browser's own `JSON.parse` on the page, so that one decoder (`decode`) serves both and the
//! page carries neither a JSON parser nor serde's generic decoding (11.5 KB gzip of wasm).

use crate::format::plain_number;

/// How deep a file may nest; the data file's own shape is six levels deep. Bounds the
/// recursion that turns a parsed file into a tree, as serde_json bounds its own.
const MAX_DEPTH: usize = 32;

/// A parsed JSON value. Objects keep their keys in the order the parser gives them.
#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

impl Json {
    /// The value's kind as an editor would name it, with a string's text (`string "13"`).
    pub fn describe(&self) -> String {
        match self {
            Json::Null => "null".to_owned(),
            Json::Bool(value) => format!("boolean {value}"),
            Json::Number(value) => format!("number {}", plain_number(*value, 9)),
            Json::String(text) => format!("string \"{text}\""),
            Json::Array(_) => "an array".to_owned(),
            Json::Object(_) => "an object".to_owned(),
        }
    }

    /// An object's value for `key`, if this is an object that has it.
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Object(fields) => fields.iter().find(|(name, _)| name == key).map(|(_, v)| v),
            _ => None,
        }
    }
}

fn too_deep() -> String {
    format!("the file nests more than {MAX_DEPTH} levels deep")
}

/// Keys compared per object. No object of the format has more fields (a figure has 13), so in
/// a longer one either a key repeats among the first 14 or decoding refuses an unknown field;
/// the cap keeps the comparisons linear in a hostile file's length.
const KEYS_COMPARED: usize = 32;

/// `Err` names the first key that one object of `text` (JSON that has parsed) holds twice, and
/// the line of its second time. Both parsers keep the last of them without a word, so a field
/// copied and not renamed would show the wrong figure. Keys are compared as written (`"a"` and
/// `"\u0061"` differ), which is how an editor repeats one.
fn unique_keys(text: &str) -> Result<(), String> {
    let bytes = text.as_bytes();
    // The keys seen so far in each object open at this point.
    let mut objects: Vec<Vec<&str>> = Vec::new();
    // JSON strings hold no raw line breaks: every one is between tokens.
    let (mut at, mut line) = (0, 1);
    while let Some(&byte) = bytes.get(at) {
        match byte {
            b'\n' => line += 1,
            b'{' => objects.push(Vec::new()),
            b'}' => drop(objects.pop()),
            b'"' => {
                let start = at + 1;
                at = start;
                while let Some(&byte) = bytes.get(at).filter(|&&byte| byte != b'"') {
                    at += if byte == b'\\' { 2 } else { 1 };
                }
                // A string followed by a colon is a key. Quotes are ASCII: the slice is whole
                // characters.
                let after = bytes.get(at + 1..).unwrap_or_default();
                let is_key = after.iter().find(|byte| !byte.is_ascii_whitespace()) == Some(&b':');
                if let (true, Some(keys), Some(key)) =
                    (is_key, objects.last_mut(), text.get(start..at))
                {
                    if keys.contains(&key) {
                        return Err(format!(
                            "the key \"{key}\" appears twice in one object, again on line {line}"
                        ));
                    }
                    if keys.len() < KEYS_COMPARED {
                        keys.push(key);
                    }
                }
            }
            _ => {}
        }
        at += 1;
    }
    Ok(())
}

/// Parses JSON text. `Err` is the parser's own message (serde_json's gives line and column).
#[cfg(not(target_arch = "wasm32"))]
pub fn parse(text: &str) -> Result<Json, String> {
    let value: serde_json::Value = serde_json::from_str(text).map_err(|error| error.to_string())?;
    unique_keys(text)?;
    from_serde(value, 0)
}

#[cfg(not(target_arch = "wasm32"))]
fn from_serde(value: serde_json::Value, depth: usize) -> Result<Json, String> {
    use serde_json::Value;
    if depth > MAX_DEPTH {
        return Err(too_deep());
    }
    Ok(match value {
        Value::Null => Json::Null,
        Value::Bool(value) => Json::Bool(value),
        Value::Number(number) => Json::Number(number.as_f64().unwrap_or(f64::NAN)),
        Value::String(text) => Json::String(text),
        Value::Array(items) => Json::Array(
            items
                .into_iter()
                .map(|item| from_serde(item, depth + 1))
                .collect::<Result<_, _>>()?,
        ),
        Value::Object(fields) => Json::Object(
            fields
                .into_iter()
                .map(|(key, item)| Ok((key, from_serde(item, depth + 1)?)))
                .collect::<Result<_, String>>()?,
        ),
    })
}

/// Parses JSON text with the browser's `JSON.parse`; `Err` is its message.
#[cfg(target_arch = "wasm32")]
pub fn parse(text: &str) -> Result<Json, String> {
    let value = js_sys::JSON::parse(text)
        .map_err(|error| String::from(js_sys::Error::from(error).message()))?;
    unique_keys(text)?;
    from_js(&value, 0)
}

#[cfg(target_arch = "wasm32")]
fn from_js(value: &wasm_bindgen::JsValue, depth: usize) -> Result<Json, String> {
    use js_sys::{Array, Object};
    use wasm_bindgen::JsCast;
    if depth > MAX_DEPTH {
        return Err(too_deep());
    }
    // Strings first, then numbers: each test is a call out of wasm, and a data file is mostly
    // strings.
    if let Some(text) = value.as_string() {
        return Ok(Json::String(text));
    }
    if let Some(value) = value.as_f64() {
        return Ok(Json::Number(value));
    }
    if let Some(value) = value.as_bool() {
        return Ok(Json::Bool(value));
    }
    // An array's items, or an object's [key, value] pairs.
    let is_array = Array::is_array(value);
    let items: Array = if is_array {
        value.clone().unchecked_into()
    } else if value.is_object() {
        Object::entries(value.unchecked_ref())
    } else {
        return Ok(Json::Null);
    };
    let (mut array, mut object) = (Vec::new(), Vec::new());
    for item in items.iter() {
        if is_array {
            array.push(from_js(&item, depth + 1)?);
        } else {
            let pair: Array = item.unchecked_into();
            let key = pair.get(0).as_string().unwrap_or_default();
            object.push((key, from_js(&pair.get(1), depth + 1)?));
        }
    }
    Ok(if is_array {
        Json::Array(array)
    } else {
        Json::Object(object)
    })
}

#[cfg(test)]
mod tests {
    use super::parse;

    #[test]
    fn a_key_repeated_in_one_object_is_refused_with_its_line() {
        let text = "{\n  \"a\": 1,\n  \"b\": {\"c\": 2},\n  \"a\" : 3\n}";
        assert_eq!(
            parse(text),
            Err("the key \"a\" appears twice in one object, again on line 4".to_owned())
        );
    }

    #[test]
    fn keys_may_repeat_in_other_objects_and_key_like_text_in_strings() {
        let text = r#"{"a": {"a": 1}, "b": [{"a": 1}, {"a": 2}], "c": "\"a\": \\", "d": "a"}"#;
        assert!(parse(text).is_ok(), "{:?}", parse(text));
    }

    #[test]
    fn an_escaped_quote_does_not_end_a_key() {
        assert!(parse(r#"{"k\"": 1, "k": 2}"#).is_ok());
        assert_eq!(
            parse(r#"{"k\"": 1, "k": 2, "k\"": 3}"#),
            Err(r#"the key "k\"" appears twice in one object, again on line 1"#.to_owned())
        );
    }

    #[test]
    fn a_key_repeated_after_many_others_is_found() {
        let keys: Vec<String> = (0..40).map(|n| format!("\"k{n}\": {n}")).collect();
        let text = format!("{{{}, \"k0\": 0}}", keys.join(", "));
        assert!(parse(&text).unwrap_err().contains("\"k0\""));
    }
}
