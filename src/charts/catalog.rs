//! Every chart of the page: its id (for `?chart=`), the heading that states its point, the note
//! of what it measures, and its layout.

use crate::data::{Dataset, MissingEntry};
use crate::lang::Lang;

use super::scene::Scene;

/// A layout function: data, width in CSS px, language → scene.
pub type LayoutFn = fn(&Dataset, f64, Lang) -> Result<Scene, MissingEntry>;

/// One chart of the page.
pub struct ChartSpec {
    pub id: &'static str,
    /// Chinese and English heading.
    pub title: (&'static str, &'static str),
    /// Chinese and English note of what is measured.
    pub note: (&'static str, &'static str),
    pub layout: LayoutFn,
    /// A heading computed from the data, where the point depends on the numbers.
    pub computed_title: Option<fn(&Dataset, Lang) -> Option<String>>,
}

impl ChartSpec {
    /// The heading, its 今年 and 去年 dated where the article dates them.
    pub fn title(&self, dataset: &Dataset, lang: Lang) -> String {
        let title = self
            .computed_title
            .and_then(|title| title(dataset, lang))
            .unwrap_or_else(|| lang.pick(self.title.0, self.title.1).to_owned());
        super::details::with_years(&title, dataset.article.this_year.as_ref(), lang)
    }

    pub fn note(&self, lang: Lang) -> &'static str {
        lang.pick(self.note.0, self.note.1)
    }
}

/// The charts in page order.
pub const CHARTS: [ChartSpec; 8] = [
    ChartSpec {
        id: "clusters",
        title: ("五大产业集群：文章具体列出2大新兴产业、3大优势产业，另培育未来产业和生产性服务业", "Five industry clusters: the article goes on to name two emerging and three advantage industries, and future industries and producer services to cultivate"),
        note: ("结构图：文章未给出各集群的产值，因此不按数值大小绘制。", "Structure only: the article gives no output per cluster, so nothing is sized by value."),
        layout: super::clusters::layout,
        computed_title: Some(super::clusters::headline),
    },
    ChartSpec {
        id: "display",
        title: ("新型显示产业集群：已聚集的链上规模企业与目标规模", "The new-display cluster: the enterprises of scale it has gathered, and its goal"),
        note: ("文章未给出集群现有产值，因此不按数值大小绘制；虚线框为目标。", "The article gives no output for the cluster today, so nothing is sized by value; dashed outlines are targets."),
        layout: super::display::layout,
        computed_title: Some(super::display::headline),
    },
    ChartSpec {
        id: "investment",
        title: ("重大项目计划总投资中，文章单独给出惠科显示模组项目的投资额", "Of the major projects’ planned investment, the HKC display-module line is the only project whose investment is given"),
        note: ("单位：亿元。其余项目的合计由总额减去已知部分得出（派生）。", "In CNY. The other projects’ sum is the total less the known part (derived)."),
        layout: super::investment::layout,
        computed_title: None,
    },
    ChartSpec {
        id: "scale",
        title: ("从已实现到目标：文章中以亿元计的部分规模", "From results to targets: a selection of the article’s figures in yuan"),
        note: ("同一线性比例尺，单位亿元；实心为已实现或计划，虚线框为目标，箭头表示“破/突破”。", "One linear scale, in CNY billions; solid bars are results or plans, dashed outlines are targets, arrowheads mean “more than”."),
        layout: super::scale_ladder::layout,
        computed_title: None,
    },
    ChartSpec {
        id: "renovation",
        title: ("老旧小区改造：已完成与今年开工", "Old-community renovation: completed and started this year"),
        note: ("每项指标单独成比例；合计为派生数据。", "Each measure has its own scale; combined totals are derived."),
        layout: super::renovation::layout,
        computed_title: Some(super::renovation::headline),
    },
    ChartSpec {
        id: "renewal",
        title: ("城市更新：各片区因地制宜，分扩容提质、产业升级、保护性和保障性更新等方式", "Urban renewal: each area its own way, from expansion and industrial upgrading to conservation-led renewal and renewal that secures basic living conditions"),
        note: ("规划规模与文章点名的片区及其更新方式。", "The size of the plan, and the places the article names with how each is to be renewed."),
        layout: super::renewal::layout,
        computed_title: None,
    },
    ChartSpec {
        id: "rural",
        title: ("乡村振兴：今年的特色产业、品牌与示范项目计划，姜家镇发展“黑产业”", "Rural revitalisation: plans for specialty farming, brands and demonstration projects this year, and Jiangjia’s “black industry” of black-coloured farm produce"),
        note: ("面积同一比例尺；数量每格代表1；均为计划或目标，示范片与农旅项目为已建成。", "Areas share one scale; counts are one square each; all are plans or targets except the demonstration areas and agri-tourism projects, which are built."),
        layout: super::rural::layout,
        computed_title: None,
    },
    ChartSpec {
        id: "city-check",
        title: ("城市体检围绕住建部确定的维度展开", "The city health check follows the housing ministry’s dimensions"),
        note: ("只列维度：文章没有给出任何评分。", "Dimensions only: the article gives no scores."),
        layout: super::city_check::layout,
        computed_title: None,
    },
];

/// The chart with this id.
pub fn find(id: &str) -> Option<&'static ChartSpec> {
    CHARTS.iter().find(|chart| chart.id == id)
}

/// The place in the page of the chart with this id.
pub fn position(id: &str) -> Option<usize> {
    CHARTS.iter().position(|chart| chart.id == id)
}

/// All ids, comma-separated, for messages that list the valid ones.
pub fn ids() -> String {
    CHARTS
        .iter()
        .map(|chart| chart.id.to_owned())
        .collect::<Vec<_>>()
        .join(", ")
}
