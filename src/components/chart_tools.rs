//! Under each chart: its data as a table (always there for screen readers, shown on request to
//! everyone else), and the chart as CSV and as a PNG with its heading and source drawn in.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::browser;
use crate::charts::catalog;
use crate::charts::draw::Backdrop;
use crate::charts::framed::framed;
use crate::charts::scene::Scene;
use crate::charts::theme::Theme;
use crate::export::chart_csv;
use crate::lang::Lang;

use super::chart_drawing::draw_on;
use super::embed_control::embed_control;
use super::SharedDataset;

/// A scene shared by pointer: equal when it is the same layout.
#[derive(Clone)]
pub struct SharedScene(pub Rc<Scene>);

impl PartialEq for SharedScene {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

#[derive(Properties, PartialEq)]
pub struct ChartToolsProps {
    pub chart_id: AttrValue,
    pub scene: SharedScene,
    pub heading: AttrValue,
    pub note: AttrValue,
    pub source: AttrValue,
    pub lang: Lang,
    pub dark: bool,
    /// The page is being printed: the hidden table is printed, so it is put in whole at once.
    pub printing: bool,
    /// The build renders the page, or the page takes over what it rendered: the table is in it
    /// whole from the start.
    pub prerendered: bool,
    /// For the chart's Embed control, after the buttons: on their row, its panel under it. Made
    /// here, not passed in: a control made by the parent is never equal to the last one (its
    /// callbacks are new), so these props would never be equal either.
    pub dataset: SharedDataset,
    /// The page is embedded (`?embed=1`): no Embed control.
    pub embedded: bool,
}

/// What the PNG export draws: the chart framed by its heading, note and source.
struct PngExport {
    scene: SharedScene,
    heading: AttrValue,
    note: AttrValue,
    source: AttrValue,
    dark: bool,
}

/// The chart drawn at twice its size with heading, note and source, as a PNG data URL.
fn png_data_url(export: &PngExport) -> Result<String, String> {
    let scene = framed(
        &export.scene.0,
        &export.heading,
        &export.note,
        &export.source,
    );
    let document = web_sys::window()
        .and_then(|window| window.document())
        .ok_or("no document")?;
    let canvas: web_sys::HtmlCanvasElement = document
        .create_element("canvas")
        .map_err(|_| "no canvas")?
        .unchecked_into();
    const SCALE: f64 = 2.0;
    let theme = if export.dark {
        Theme::dark()
    } else {
        Theme::light()
    };
    draw_on(&canvas, &scene, &theme, SCALE, Backdrop::Filled)?;
    canvas
        .to_data_url()
        .map_err(|_| "the canvas cannot be read".to_owned())
}

/// Rows of a hidden data table put in the page per frame (see `use_hidden_table`).
const TABLE_ROWS_PER_FRAME: usize = 8;

/// When a chart's hidden data table (the one screen readers read) joins the page, after the
/// charts: laid out with everything else, the tables (mostly the article's sentences in both
/// languages) held a slow phone's charts back. Without JavaScript static/noscript.css shows
/// them.
#[derive(Clone, Copy)]
struct HiddenTable {
    /// Rows in the page so far.
    rows: usize,
    /// Whether the table is in the page's layout (`hidden` until then).
    in_layout: bool,
}

/// The schedule of the hidden table of the chart `chart_id`, of `rows` rows.
///
/// Rendered afresh, the table is put in a few rows a frame from the frame after the charts are
/// shown, each frame taking one chart's rows in turn: a whole table in one frame made a long
/// task on a slow phone. Pre-rendered, its rows are in the HTML already (and must stay for the
/// takeover), so the whole table joins the layout at once, one chart's a frame, after the
/// charts have taken over.
#[hook]
fn use_hidden_table(chart_id: &AttrValue, rows: usize, prerendered: bool) -> HiddenTable {
    let charts = catalog::CHARTS.len();
    let order = catalog::position(chart_id).unwrap_or(charts);
    let rows_due = use_state_eq(move || if prerendered { usize::MAX } else { 0 });
    {
        let rows_due = rows_due.clone();
        use_effect_with(*rows_due, move |due| {
            if *due < rows {
                // The frame after the drawing shows the charts; from the next one on, each
                // frame takes one chart's rows, the charts in turn.
                let frames = match *due {
                    0 => 2 + order,
                    _ => charts,
                };
                let due = *due + TABLE_ROWS_PER_FRAME;
                browser::after_frames(frames as u32, move || rows_due.set(due));
            }
        });
    }
    let in_layout = use_state_eq(|| !prerendered);
    {
        let in_layout = in_layout.clone();
        use_effect_with((), move |_| {
            if !*in_layout {
                let frames = 1 + charts + order;
                browser::after_frames(frames as u32, move || in_layout.set(true));
            }
        });
    }
    HiddenTable {
        rows: *rows_due,
        in_layout: *in_layout,
    }
}

#[function_component(ChartTools)]
pub fn chart_tools(props: &ChartToolsProps) -> Html {
    let lang = props.lang;
    let shown = use_state_eq(|| false);
    // Show data puts the whole table in at once.
    let hidden_table = use_hidden_table(
        &props.chart_id,
        props.scene.0.items.len(),
        props.prerendered,
    );
    let table_id = format!("{}-data", props.chart_id);
    let toggle = {
        let shown = shown.clone();
        Callback::from(move |_: MouseEvent| shown.set(!*shown))
    };
    let download_csv = {
        let (scene, chart_id) = (props.scene.clone(), props.chart_id.clone());
        Callback::from(move |event: MouseEvent| {
            let csv = chart_csv(&scene.0, lang);
            let result = browser::download_text(
                &csv,
                &format!("banan-{chart_id}.csv"),
                "text/csv;charset=utf-8",
            );
            browser::report_download(&event, ".chart-tools", result);
        })
    };
    let export_png = {
        let export = PngExport {
            scene: props.scene.clone(),
            heading: props.heading.clone(),
            note: props.note.clone(),
            source: props.source.clone(),
            dark: props.dark,
        };
        let chart_id = props.chart_id.clone();
        Callback::from(move |event: MouseEvent| {
            let result = png_data_url(&export)
                .and_then(|url| browser::download_url(&url, &format!("banan-{chart_id}.png")));
            browser::report_download(&event, ".chart-tools", result);
        })
    };
    // Built only when the page shows it.
    let name = format!("{}{}", lang.pick("数据表：", "Data: "), props.heading);
    // The column names, also each cell's label where a phone shows the shown table's rows as
    // blocks (style.css). A block drops a table's semantics in some browsers: the shown table's
    // roles keep them. The hidden tables (in every page, and hydrated at every load) carry
    // neither: a phone without JavaScript gets their blocks and labels from noscript.css.
    let (notes_label, source_label) = (lang.pick("说明", "Notes"), lang.pick("原文", "Source"));
    // Shown or printed, the table has its name as a caption. Hidden, as a label: a <caption> in
    // each hidden table held a pre-rendered page's first paint back on a slow phone (Chromium),
    // and nobody sees it there.
    let table = |rows: usize, shown: bool| {
        // Roles and cell labels: the shown table's only.
        let if_shown = |value: &'static str| shown.then_some(value);
        let rows = props.scene.0.items.iter().take(rows).map(|item| {
            let details = &item.details;
            // The tags on a line, then the note and each related fact as sentences of their own.
            let tags = details.tags.join(lang.pick("；", "; "));
            let sentences = details.note.iter().chain(&details.related).map(|sentence| {
                html! { <><br />{ sentence.clone() }</> }
            });
            html! {
                <tr role={if_shown("row")} data-key={item.key.clone()}>
                    <th role={if_shown("rowheader")} scope="row">{ &details.title }</th>
                    <td role={if_shown("cell")}>{ details.value.clone().unwrap_or_default() }</td>
                    <td role={if_shown("cell")} data-label={if_shown(notes_label)}>{ tags }{ for sentences }</td>
                    <td role={if_shown("cell")} data-label={if_shown(source_label)}>
                        { for details.all_sources().enumerate().map(|(index, source)| html! {
                            <>
                            if index > 0 { <br /> }
                            <span lang="zh-CN">{ &source.zh }</span>
                            if let Some(english) = &source.en {
                                <br /><span lang="en">{ english }</span>
                            }
                            </>
                        }) }
                    </td>
                </tr>
            }
        });
        html! {
            <table class="data-table" role={if_shown("table")} aria-label={(!shown).then(|| name.clone())}>
                if shown {
                    <caption id={format!("{table_id}-caption")}>{ &name }</caption>
                }
                <thead role={if_shown("rowgroup")}>
                    <tr role={if_shown("row")}>
                        <th role={if_shown("columnheader")} scope="col">{ lang.pick("项目", "Item") }</th>
                        <th role={if_shown("columnheader")} scope="col">{ lang.pick("数值", "Value") }</th>
                        <th role={if_shown("columnheader")} scope="col">{ notes_label }</th>
                        <th role={if_shown("columnheader")} scope="col">{ source_label }</th>
                    </tr>
                </thead>
                <tbody role={if_shown("rowgroup")}>{ for rows }</tbody>
            </table>
        }
    };
    // A printed page prints the hidden table: all of it, whether or not it has filled in.
    let hidden_rows = if props.printing {
        usize::MAX
    } else {
        hidden_table.rows
    };
    html! {
        <div class="chart-tools">
            <div class="chart-controls">
                <button type="button" class="tool-button" aria-expanded={if *shown { "true" } else { "false" }} aria-controls={table_id.clone()} onclick={toggle}>
                    { if *shown { lang.pick("隐藏数据", "Hide data") } else { lang.pick("显示数据", "Show data") } }
                </button>
                <button type="button" class="tool-button" onclick={download_csv}>{ lang.pick("下载 CSV", "Download CSV") }</button>
                <button type="button" class="tool-button" onclick={export_png}>{ lang.pick("导出 PNG", "Export PNG") }</button>
            </div>
            { for catalog::find(&props.chart_id).map(|spec| embed_control(Some(spec), &props.dataset, lang, props.embedded)) }
            // Present from the start (see browser::report_download).
            <p class="download-status" role="alert"></p>
            // Shown, it is a focusable region (it may scroll sideways); hidden, the
            // same table for screen readers only.
            if *shown {
                <div class="data-table-wrap" id={table_id.clone()} role="region" tabindex="0"
                    aria-labelledby={format!("{table_id}-caption")}>{ table(usize::MAX, true) }</div>
            } else {
                <div class="data-table-wrap sr-only" id={table_id.clone()} hidden={!hidden_table.in_layout && !props.printing}>
                    { for (hidden_rows > 0).then(|| table(hidden_rows, props.printing)) }
                </div>
            }
        </div>
    }
}
