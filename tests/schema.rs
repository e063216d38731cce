//! The JSON Schema for authors' editors is kept in step with the loader's key tables.

use altitude::model::question_set::{ALL_SPECS, FORMAT, SET_SPEC};
use altitude::model::reader::{JsonType, ObjectSpec};
use serde_json::Value;
use std::collections::BTreeSet;

fn schema() -> Value {
    let text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/schema/question-set-v1.schema.json")).unwrap();
    serde_json::from_str(&text).expect("the schema is JSON")
}

fn definition<'a>(schema: &'a Value, spec: &ObjectSpec) -> &'a Value {
    if std::ptr::eq(spec, &SET_SPEC) {
        schema
    } else {
        schema["$defs"].get(spec.name).unwrap_or_else(|| panic!("the schema has no $defs/{}", spec.name))
    }
}

/// The JSON Schema type of a property, following one `$ref`, `const` and `enum` (which are strings here).
fn schema_type(schema: &Value, property: &Value) -> String {
    if let Some(reference) = property["$ref"].as_str() {
        let name = reference.trim_start_matches("#/$defs/");
        return schema_type(schema, &schema["$defs"][name]);
    }
    if property.get("const").is_some() || property.get("enum").is_some() {
        return "string".to_owned();
    }
    property["type"].as_str().unwrap_or_else(|| panic!("no type in {property}")).to_owned()
}

#[test]
fn every_object_of_the_format_matches_its_key_table() {
    let schema = schema();
    for spec in ALL_SPECS {
        let definition = definition(&schema, spec);
        assert_eq!(definition["additionalProperties"], Value::Bool(false), "{}: unknown keys are errors", spec.name);
        let properties = definition["properties"].as_object().unwrap();
        let schema_keys: BTreeSet<&str> = properties.keys().map(String::as_str).collect();
        let table_keys: BTreeSet<&str> = spec.keys.iter().map(|k| k.name).collect();
        assert_eq!(schema_keys, table_keys, "{}: keys", spec.name);
        let required: BTreeSet<&str> = definition["required"]
            .as_array()
            .map_or(BTreeSet::new(), |r| r.iter().map(|v| v.as_str().unwrap()).collect());
        let table_required: BTreeSet<&str> = spec.keys.iter().filter(|k| k.required).map(|k| k.name).collect();
        assert_eq!(required, table_required, "{}: required keys", spec.name);
        for key in spec.keys {
            let expected = match key.json_type {
                JsonType::String | JsonType::StringOrNull => "string",
                JsonType::Number => "number",
                JsonType::Integer => "integer",
                JsonType::Boolean => "boolean",
                JsonType::Array => "array",
                JsonType::Object => "object",
            };
            assert_eq!(schema_type(&schema, &properties[key.name]), expected, "{}.{}", spec.name, key.name);
        }
    }
}

#[test]
fn the_schema_names_the_supported_format() {
    assert_eq!(schema()["properties"]["format"]["const"], FORMAT);
}
