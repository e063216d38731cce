//! The JSON Schemas for authors' editors (format 1 and format 2, and the translation format) are kept
//! in step with the loader's key tables: the keys, which are required, their types, and their bounds.

use altitude::model::question_set::{
    ALL_SPECS, FACET_SPEC, FORMAT_1, FORMAT_2, MAX_FACETS, MAX_LEVELS, MAX_QUESTION_FACETS, QUESTION_SPEC, SET_SPEC,
};
use altitude::model::reader::{Bounds, JsonType, ObjectSpec};
use serde_json::Value;
use std::collections::BTreeSet;

fn schema(format: u8) -> Value {
    let path = format!("{}/schema/question-set-v{format}.schema.json", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).expect("the schema is JSON")
}

fn definition<'a>(schema: &'a Value, spec: &ObjectSpec) -> &'a Value {
    if std::ptr::eq(spec, &SET_SPEC) {
        schema
    } else {
        schema["$defs"].get(spec.name).unwrap_or_else(|| panic!("the schema has no $defs/{}", spec.name))
    }
}

/// The first format with this object: an object reached only through a key of a later format
/// (the facet, through the set's `facets`) first appears with that key.
fn object_since(spec: &ObjectSpec) -> u8 {
    if std::ptr::eq(spec, &FACET_SPEC) {
        SET_SPEC.keys.iter().find(|k| k.name == "facets").expect("the set has facets").since
    } else {
        1
    }
}

/// A property with one `$ref` followed.
fn resolved<'a>(schema: &'a Value, property: &'a Value) -> &'a Value {
    match property["$ref"].as_str() {
        Some(reference) => &schema["$defs"][reference.trim_start_matches("#/$defs/")],
        None => property,
    }
}

/// The JSON Schema type of a property, following one `$ref`, `const` and `enum` (which are strings here).
fn schema_type(schema: &Value, property: &Value) -> String {
    let property = resolved(schema, property);
    if property.get("const").is_some() || property.get("enum").is_some() {
        return "string".to_owned();
    }
    property["type"].as_str().unwrap_or_else(|| panic!("no type in {property}")).to_owned()
}

/// A bound keyword's value as a number, `None` when the schema does not state it.
fn stated(property: &Value, keyword: &str) -> Option<f64> {
    property.get(keyword).map(|v| v.as_f64().unwrap_or_else(|| panic!("{keyword} is not a number")))
}

/// The schema states exactly the bounds the key table gives (an absent lower length or item bound means 0).
fn check_bounds(property: &Value, bounds: Bounds, what: &str) {
    let size = |n: usize| if n == usize::MAX { None } else { Some(n as f64) };
    match bounds {
        Bounds::Free => {}
        Bounds::Length(min, max) => {
            assert_eq!(stated(property, "minLength").unwrap_or(0.0), min as f64, "{what}: minLength");
            assert_eq!(stated(property, "maxLength"), size(max), "{what}: maxLength");
        }
        Bounds::Range(min, max) => {
            assert_eq!(stated(property, "minimum"), Some(min), "{what}: minimum");
            assert_eq!(stated(property, "maximum"), Some(max), "{what}: maximum");
        }
        Bounds::AboveUpTo(min, max) => {
            assert_eq!(stated(property, "exclusiveMinimum"), Some(min), "{what}: exclusiveMinimum");
            assert_eq!(stated(property, "maximum"), Some(max), "{what}: maximum");
        }
        Bounds::Items(min, max) => {
            assert_eq!(stated(property, "minItems").unwrap_or(0.0), min as f64, "{what}: minItems");
            assert_eq!(stated(property, "maxItems"), size(max), "{what}: maxItems");
        }
    }
}

fn check_schema(format: u8) {
    let schema = schema(format);
    for spec in ALL_SPECS {
        if object_since(spec) > format {
            assert!(
                schema["$defs"].get(spec.name).is_none(),
                "v{format} has no {}, so no $defs/{}",
                spec.name,
                spec.name
            );
            continue;
        }
        let definition = definition(&schema, spec);
        let name = format!("v{format} {}", spec.name);
        assert_eq!(definition["additionalProperties"], Value::Bool(false), "{name}: unknown keys are errors");
        let properties = definition["properties"].as_object().unwrap();
        let keys: Vec<_> = spec.keys.iter().filter(|k| k.since <= format).collect();
        let schema_keys: BTreeSet<&str> = properties.keys().map(String::as_str).collect();
        let table_keys: BTreeSet<&str> = keys.iter().map(|k| k.name).collect();
        assert_eq!(schema_keys, table_keys, "{name}: keys");
        let required: BTreeSet<&str> = definition["required"]
            .as_array()
            .map_or(BTreeSet::new(), |r| r.iter().map(|v| v.as_str().unwrap()).collect());
        let table_required: BTreeSet<&str> = keys.iter().filter(|k| k.required).map(|k| k.name).collect();
        assert_eq!(required, table_required, "{name}: required keys");
        for key in keys {
            let expected = match key.json_type {
                JsonType::String | JsonType::StringOrNull => "string",
                JsonType::Number => "number",
                JsonType::Integer => "integer",
                JsonType::Boolean => "boolean",
                JsonType::Array => "array",
                JsonType::Object => "object",
            };
            let property = &properties[key.name];
            assert_eq!(schema_type(&schema, property), expected, "{name}.{}", key.name);
            check_bounds(property, key.bounds, &format!("{name}.{}", key.name));
        }
    }
}

#[test]
fn the_format_1_schema_matches_the_key_tables() {
    check_schema(1);
}

#[test]
fn the_format_2_schema_matches_the_key_tables() {
    check_schema(2);
}

#[test]
fn each_schema_names_its_format() {
    assert_eq!(schema(1)["properties"]["format"]["const"], FORMAT_1);
    assert_eq!(schema(2)["properties"]["format"]["const"], FORMAT_2);
}

#[test]
fn format_2_rules_the_key_tables_cannot_hold_are_in_the_schema() {
    let schema = schema(2);
    assert_eq!(
        schema["$defs"]["question"]["properties"]["kind"]["enum"],
        serde_json::json!(["likert", "choice", "level"])
    );
    let level = &schema["$defs"]["question"]["allOf"][2]["then"];
    assert_eq!(level["properties"]["options"]["maxItems"], MAX_LEVELS, "a level question has at most 8 options");
    assert_eq!(schema["$defs"]["option"]["properties"]["id"]["not"]["const"], "untested");
    assert_eq!(schema["properties"]["gap_tolerance"]["default"], 10);
}

#[test]
fn the_facet_object_is_reached_from_the_set_and_named_from_questions() {
    let schema = schema(2);
    assert_eq!(schema["properties"]["facets"]["items"]["$ref"], "#/$defs/facet");
    assert_eq!(schema["properties"]["facets"]["maxItems"], MAX_FACETS);
    let question_facets = &schema["$defs"]["question"]["properties"]["facets"];
    assert_eq!(question_facets["maxItems"], MAX_QUESTION_FACETS);
    assert_eq!(question_facets["uniqueItems"], true, "a question names each facet once");
    assert_eq!(question_facets["items"]["type"], "string");
    assert!(QUESTION_SPEC.keys.iter().any(|k| k.name == "scored" && k.since == 2));
    // `"scored": false` needs facets to count in.
    let unscored = &schema["$defs"]["question"]["allOf"][3];
    assert_eq!(unscored["if"]["properties"]["scored"]["const"], false);
    assert_eq!(unscored["then"]["required"], serde_json::json!(["facets"]));
    // Without a facets list, no question names facets or is left out of the score.
    assert_eq!(schema["if"]["not"]["required"], serde_json::json!(["facets"]));
    let v1 = self::schema(1);
    assert!(v1["properties"].get("facets").is_none());
    assert!(v1["$defs"]["question"]["properties"].get("facets").is_none());
    assert!(v1["$defs"]["question"]["properties"].get("scored").is_none());
}

/// Issue 26: the translation format's schema, against `altitude::translation`'s key tables.
#[test]
fn the_translation_schema_matches_its_key_tables() {
    use altitude::translation::{ALL_SPECS as TRANSLATION_SPECS, FORMAT, TRANSLATION_SPEC};
    let path = format!("{}/schema/translation-v1.schema.json", env!("CARGO_MANIFEST_DIR"));
    let schema: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).expect("the schema is JSON");
    assert_eq!(schema["properties"]["format"]["const"], FORMAT);
    for spec in TRANSLATION_SPECS {
        let definition = if std::ptr::eq(spec, &TRANSLATION_SPEC) { &schema } else { &schema["$defs"][spec.name] };
        let name = format!("translation {}", spec.name);
        assert_eq!(definition["additionalProperties"], Value::Bool(false), "{name}: unknown keys are errors");
        let properties = definition["properties"].as_object().unwrap_or_else(|| panic!("{name} has properties"));
        let schema_keys: BTreeSet<&str> = properties.keys().map(String::as_str).collect();
        let table_keys: BTreeSet<&str> = spec.keys.iter().map(|k| k.name).collect();
        assert_eq!(schema_keys, table_keys, "{name}: keys");
        let required: BTreeSet<&str> =
            definition["required"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
        let table_required: BTreeSet<&str> = spec.keys.iter().filter(|k| k.required).map(|k| k.name).collect();
        assert_eq!(required, table_required, "{name}: required keys");
        for key in spec.keys {
            let expected = match key.json_type {
                JsonType::String | JsonType::StringOrNull => "string",
                JsonType::Array => "array",
                JsonType::Object => "object",
                other => panic!("{name}.{}: no {other:?} in the translation format", key.name),
            };
            let property = &properties[key.name];
            assert_eq!(schema_type(&schema, property), expected, "{name}.{}", key.name);
            check_bounds(property, key.bounds, &format!("{name}.{}", key.name));
        }
    }
}
