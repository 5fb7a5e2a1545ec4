//! Minimal wasm-bindgen bindings to the parts of Leaflet 1.9 the map uses. Leaflet itself
//! (vendored from npm in `assets/vendor/leaflet`) is loaded by the app before it makes the map
//! (`browser::load_script`): nothing here may be called before.

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// `L.Map`.
    #[derive(Clone)]
    pub type Map;
    #[wasm_bindgen(js_namespace = L, js_name = map)]
    pub fn new_map(el: &web_sys::HtmlElement, options: &JsValue) -> Map;
    #[wasm_bindgen(method, js_name = fitBounds)]
    pub fn fit_bounds(this: &Map, bounds: &JsValue);
    #[wasm_bindgen(method, js_name = fitBounds)]
    pub fn fit_bounds_with(this: &Map, bounds: &JsValue, options: &JsValue);
    #[wasm_bindgen(method, js_name = setView)]
    pub fn set_view(this: &Map, center: &JsValue, zoom: f64, options: &JsValue);
    #[wasm_bindgen(method, js_name = getZoom)]
    pub fn get_zoom(this: &Map) -> f64;
    #[wasm_bindgen(method, js_name = getBounds)]
    pub fn get_bounds(this: &Map) -> LatLngBounds;
    #[wasm_bindgen(method, js_name = invalidateSize)]
    pub fn invalidate_size(this: &Map, options: &JsValue);
    #[wasm_bindgen(method, js_name = getContainer)]
    pub fn get_container(this: &Map) -> web_sys::HtmlElement;
    #[wasm_bindgen(method, js_name = closePopup)]
    pub fn close_popup(this: &Map);
    #[wasm_bindgen(method, getter, js_name = attributionControl)]
    pub fn attribution_control(this: &Map) -> Option<AttributionControl>;

    pub type AttributionControl;
    #[wasm_bindgen(method, js_name = addAttribution)]
    pub fn add_attribution(this: &AttributionControl, text: &str);
    #[wasm_bindgen(method, js_name = removeAttribution)]
    pub fn remove_attribution(this: &AttributionControl, text: &str);
    #[wasm_bindgen(method, js_name = on)]
    pub fn on(this: &Map, event: &str, f: &js_sys::Function);

    /// `L.LatLngBounds`.
    pub type LatLngBounds;
    #[wasm_bindgen(method, js_name = getWest)]
    pub fn get_west(this: &LatLngBounds) -> f64;
    #[wasm_bindgen(method, js_name = getEast)]
    pub fn get_east(this: &LatLngBounds) -> f64;
    #[wasm_bindgen(method, js_name = getSouth)]
    pub fn get_south(this: &LatLngBounds) -> f64;
    #[wasm_bindgen(method, js_name = getNorth)]
    pub fn get_north(this: &LatLngBounds) -> f64;

    /// Any `L.Layer`.
    #[derive(Clone)]
    pub type Layer;
    #[wasm_bindgen(method, js_name = addTo)]
    pub fn add_to(this: &Layer, map: &Map) -> Layer;
    #[wasm_bindgen(method, js_name = on)]
    pub fn on(this: &Layer, event: &str, f: &js_sys::Function);

    #[wasm_bindgen(js_namespace = L, js_name = tileLayer)]
    pub fn tile_layer(url: &str, options: &JsValue) -> Layer;
    #[wasm_bindgen(js_namespace = L, js_name = geoJSON)]
    pub fn geo_json(data: &JsValue, options: &JsValue) -> Layer;

    /// `L.LayerGroup`.
    #[wasm_bindgen(extends = Layer)]
    pub type LayerGroup;
    #[wasm_bindgen(js_namespace = L, js_name = layerGroup)]
    pub fn layer_group() -> LayerGroup;
    #[wasm_bindgen(method, js_name = clearLayers)]
    pub fn clear_layers(this: &LayerGroup);
    #[wasm_bindgen(method, js_name = addLayer)]
    pub fn add_layer(this: &LayerGroup, layer: &Layer);
    #[wasm_bindgen(method, js_name = removeLayer)]
    pub fn remove_layer(this: &LayerGroup, layer: &Layer);

    /// `L.Marker`.
    #[wasm_bindgen(extends = Layer)]
    #[derive(Clone)]
    pub type Marker;
    #[wasm_bindgen(js_namespace = L, js_name = marker)]
    pub fn marker(lat_lng: &JsValue, options: &JsValue) -> Marker;
    #[wasm_bindgen(method, js_name = bindPopup)]
    pub fn bind_popup(this: &Marker, content: &web_sys::HtmlElement, options: &JsValue);
    /// Binds a popup whose content `content(layer)` builds when it opens.
    #[wasm_bindgen(method, js_name = bindPopup)]
    pub fn bind_popup_with(this: &Marker, content: &js_sys::Function, options: &JsValue);
    #[wasm_bindgen(method, js_name = openPopup)]
    pub fn open_popup(this: &Marker);
    #[wasm_bindgen(method, js_name = setIcon)]
    pub fn set_icon(this: &Marker, icon: &JsValue);
    #[wasm_bindgen(method, js_name = setLatLng)]
    pub fn set_lat_lng(this: &Marker, lat_lng: &JsValue);
    #[wasm_bindgen(method, js_name = setZIndexOffset)]
    pub fn set_z_index_offset(this: &Marker, offset: f64);
    #[wasm_bindgen(method, js_name = getElement)]
    pub fn get_element(this: &Marker) -> Option<web_sys::HtmlElement>;

    #[wasm_bindgen(method, js_name = removeLayer)]
    pub fn remove_layer(this: &Map, layer: &Layer);

    #[wasm_bindgen(js_namespace = L, js_name = circle)]
    pub fn circle(lat_lng: &JsValue, options: &JsValue) -> Layer;
    #[wasm_bindgen(js_namespace = L, js_name = circleMarker)]
    pub fn circle_marker(lat_lng: &JsValue, options: &JsValue) -> Layer;

    #[wasm_bindgen(js_namespace = L, js_name = divIcon)]
    pub fn div_icon(options: &JsValue) -> JsValue;
}

/// A `[lat, lng]` array, Leaflet's axis order.
pub fn lat_lng(lat: f64, lon: f64) -> JsValue {
    Array::of2(&lat.into(), &lon.into()).into()
}

/// `[[south, west], [north, east]]`.
pub fn bounds(south: f64, west: f64, north: f64, east: f64) -> JsValue {
    Array::of2(&lat_lng(south, west), &lat_lng(north, east)).into()
}

/// Builds a plain options object from key/value pairs.
pub fn options(pairs: &[(&str, JsValue)]) -> JsValue {
    let o = Object::new();
    for (k, v) in pairs {
        // Setting a property on a fresh plain object cannot fail.
        let _ = Reflect::set(&o, &JsValue::from_str(k), v);
    }
    o.into()
}
