//! JSON Schema (draft 2020-12) of the input and output types, for the package's schemas and
//! the TypeScript types generated from them. Nothing here is reached by an entry point, so
//! none of it is in the wasm.

use super::Value;
use std::collections::BTreeMap;

/// A type with a JSON Schema. Derive it next to `Decode` or `Encode`.
///
/// ```
/// use arrears::json::{Describe, Schemas, Value};
/// let mut schemas = Schemas::new();
/// assert_eq!(bool::describe(&mut schemas), Value::object([("type", "boolean".into())]));
/// ```
pub trait Describe {
    /// The schema of the type: a `$ref` to its definition for named types.
    fn describe(schemas: &mut Schemas) -> Value;

    /// Adds the properties of a struct to `object`, for a struct flattened into another.
    fn describe_fields(_schemas: &mut Schemas, _object: &mut ObjectSchema) {}
}

/// The named definitions met while describing types, and whether outputs or inputs are
/// being described (a decimal is text in outputs, text or a JSON number in inputs).
///
/// ```
/// use arrears::json::{Describe, Schemas};
/// let mut schemas = Schemas::new();
/// let date = chrono::NaiveDate::describe(&mut schemas);
/// assert_eq!(arrears::json::to_string(&date)?, r##"{"$ref":"#/$defs/IsoDate"}"##);
/// assert!(schemas.definitions().contains_key("IsoDate"));
/// # Ok::<(), arrears::Error>(())
/// ```
#[derive(Default)]
pub struct Schemas {
    definitions: BTreeMap<String, Value>,
    outputs: bool,
}

impl Schemas {
    /// No definitions yet, describing inputs.
    ///
    /// ```
    /// assert!(arrears::json::Schemas::new().definitions().is_empty());
    /// ```
    pub fn new() -> Schemas {
        Schemas::default()
    }

    /// Describes outputs from now on (`true`) or inputs (`false`).
    ///
    /// ```
    /// let mut schemas = arrears::json::Schemas::new();
    /// schemas.describe_outputs(true);
    /// assert!(schemas.outputs());
    /// ```
    pub fn describe_outputs(&mut self, outputs: bool) {
        self.outputs = outputs;
    }

    /// Whether outputs are being described.
    ///
    /// ```
    /// assert!(!arrears::json::Schemas::new().outputs());
    /// ```
    pub fn outputs(&self) -> bool {
        self.outputs
    }

    /// The definitions met so far, by name.
    ///
    /// ```
    /// assert!(arrears::json::Schemas::new().definitions().is_empty());
    /// ```
    pub fn definitions(&self) -> &BTreeMap<String, Value> {
        &self.definitions
    }

    /// A `$ref` to the definition `name`, built by `build` the first time it is met.
    ///
    /// ```
    /// let mut schemas = arrears::json::Schemas::new();
    /// let r = schemas.define("Id", |_| arrears::json::Value::object([("type", "string".into())]));
    /// assert_eq!(r.get("$ref"), Some(&"#/$defs/Id".into()));
    /// ```
    pub fn define(&mut self, name: &str, build: impl FnOnce(&mut Schemas) -> Value) -> Value {
        if !self.definitions.contains_key(name) {
            // A placeholder first, so a type that refers to itself ends.
            self.definitions.insert(name.to_owned(), Value::Null);
            let schema = build(self);
            self.definitions.insert(name.to_owned(), schema);
        }
        Value::object([("$ref", Value::String(format!("#/$defs/{name}")))])
    }

    /// The definition of an object type: its doc and the properties `fields` adds.
    ///
    /// ```
    /// use arrears::json::{ObjectSchema, Schemas};
    /// let mut schemas = Schemas::new();
    /// schemas.object("Empty", "Nothing.", |_: &mut Schemas, _: &mut ObjectSchema| {});
    /// assert!(schemas.definitions().contains_key("Empty"));
    /// ```
    pub fn object(
        &mut self,
        name: &str,
        doc: &str,
        fields: fn(&mut Schemas, &mut ObjectSchema),
    ) -> Value {
        self.define(name, |schemas| {
            let mut object = ObjectSchema {
                nullable_optionals: !schemas.outputs,
                ..ObjectSchema::default()
            };
            fields(schemas, &mut object);
            object.into_value(doc)
        })
    }

    /// The definition of a string that is one of `names` (each with its doc).
    ///
    /// ```
    /// let mut schemas = arrears::json::Schemas::new();
    /// schemas.names("Basis", "What age counts from.", &[("dueDate", "Days past due."), ("issueDate", "")]);
    /// let basis = &schemas.definitions()["Basis"];
    /// assert_eq!(basis.get("enum"), Some(&vec!["dueDate".into(), "issueDate".into()].into()));
    /// ```
    pub fn names(&mut self, name: &str, doc: &str, names: &[(&str, &str)]) -> Value {
        self.define(name, |_| {
            let mut description = doc.to_owned();
            for (name, doc) in names.iter().filter(|(_, doc)| !doc.is_empty()) {
                description.push_str(&format!("\n- `{name}`: {doc}"));
            }
            let names = names.iter().map(|(name, _)| Value::from(*name));
            Value::object([
                ("type", "string".into()),
                ("enum", Value::Array(names.collect())),
                ("description", description.as_str().into()),
            ])
        })
    }
}

/// The properties of an object type being described. In inputs an optional property may
/// also be `null`, which means the same as leaving it out.
///
/// ```
/// use arrears::json::{ObjectSchema, Value};
/// let mut object = ObjectSchema::default();
/// object.property("days", "How many.", true, Value::object([("type", "integer".into())]));
/// let schema = object.into_value("A period.");
/// assert_eq!(schema.get("required"), Some(&vec!["days".into()].into()));
/// ```
#[derive(Default)]
pub struct ObjectSchema {
    properties: Vec<(String, Value)>,
    required: Vec<Value>,
    nullable_optionals: bool,
}

impl ObjectSchema {
    /// Adds property `name` with its doc; `required` when an input must give it (or an
    /// output always has it).
    ///
    /// ```
    /// let mut object = arrears::json::ObjectSchema::default();
    /// object.property("a", "", false, arrears::json::Value::Null);
    /// assert_eq!(object.into_value("").get("required"), None);
    /// ```
    pub fn property(&mut self, name: &str, doc: &str, required: bool, mut schema: Value) {
        if !required && self.nullable_optionals {
            let null = Value::object([("type", "null".into())]);
            schema = Value::object([("anyOf", Value::Array(vec![schema, null]))]);
        }
        if !doc.is_empty() {
            // Keywords beside a $ref apply too (2020-12); the generated types keep the doc.
            schema.set("description", doc.into());
        }
        self.properties.push((name.to_owned(), schema));
        if required {
            self.required.push(name.into());
        }
    }

    /// The object's schema: closed to other properties, as the decoders are.
    ///
    /// ```
    /// let schema = arrears::json::ObjectSchema::default().into_value("Doc.");
    /// assert_eq!(schema.get("additionalProperties"), Some(&false.into()));
    /// ```
    pub fn into_value(self, doc: &str) -> Value {
        let mut schema = Value::object([
            ("type", "object".into()),
            ("description", doc.into()),
            ("properties", Value::Object(self.properties)),
            ("additionalProperties", false.into()),
        ]);
        if !self.required.is_empty() {
            schema.set("required", Value::Array(self.required));
        }
        schema
    }
}
