//! The bindings: the only module that names wasm_bindgen. Each export converts and forwards.
