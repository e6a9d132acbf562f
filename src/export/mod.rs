//! Exports: the store or answer rows in, text out (DOT, table, JSON, CSV).
//! Nothing here prints; callers write the strings where they belong.

pub mod dot;
pub mod graph;

use crate::query::Rows;

/// Output format of answer rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Aligned columns, a sources count, for people.
    Table,
    /// `{"columns": [...], "rows": [{..., "evidence": [...]}]}`.
    Json,
    /// Comma-separated values with a header.
    Csv,
}

impl std::str::FromStr for Format {
    type Err = String;

    /// `table`, `json` or `csv`.
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "table" => Ok(Format::Table),
            "json" => Ok(Format::Json),
            "csv" => Ok(Format::Csv),
            _ => Err(format!("unknown format {s:?}: expected table, json or csv")),
        }
    }
}

/// Renders rows in `format`.
pub fn render(rows: &Rows, format: Format) -> String {
    match format {
        Format::Table => table(rows),
        Format::Json => json(rows),
        Format::Csv => csv(rows),
    }
}

fn table(rows: &Rows) -> String {
    if rows.rows.is_empty() {
        return "(no answer)\n".to_string();
    }
    let mut header: Vec<String> = vec!["#".into()];
    header.extend(rows.columns.iter().cloned());
    header.push("sources".into());
    let body: Vec<Vec<String>> = rows
        .rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let mut line = vec![(i + 1).to_string()];
            line.extend(r.cells.iter().cloned());
            line.push(r.sources().to_string());
            line
        })
        .collect();
    let widths: Vec<usize> = (0..header.len())
        .map(|c| {
            std::iter::once(&header)
                .chain(&body)
                .map(|l| l.get(c).map_or(0, |s| s.chars().count()))
                .max()
                .unwrap_or(0)
        })
        .collect();
    let line = |cells: &[String]| {
        let padded: Vec<String> = cells
            .iter()
            .zip(&widths)
            .map(|(c, w)| format!("{c:<w$}"))
            .collect();
        format!("{}\n", padded.join("  ").trim_end())
    };
    let mut out = line(&header);
    out.push_str(&line(
        &widths.iter().map(|w| "-".repeat(*w)).collect::<Vec<_>>(),
    ));
    for l in &body {
        out.push_str(&line(l));
    }
    out
}

fn json(rows: &Rows) -> String {
    let list: Vec<serde_json::Value> = rows
        .rows
        .iter()
        .map(|r| {
            let mut obj = serde_json::Map::new();
            for (c, v) in rows.columns.iter().zip(&r.cells) {
                obj.insert(c.clone(), serde_json::Value::String(v.clone()));
            }
            obj.insert("sources".into(), r.sources().into());
            obj.insert(
                "evidence".into(),
                serde_json::to_value(&r.evidence).unwrap_or_default(),
            );
            serde_json::Value::Object(obj)
        })
        .collect();
    let doc = serde_json::json!({ "columns": rows.columns, "rows": list });
    format!(
        "{}\n",
        serde_json::to_string_pretty(&doc).unwrap_or_default()
    )
}

fn csv(rows: &Rows) -> String {
    let esc = |s: &str| {
        if s.contains([',', '"', '\n']) {
            format!("\"{}\"", s.replace('"', "\"\""))
        } else {
            s.to_string()
        }
    };
    let mut out = rows
        .columns
        .iter()
        .map(|c| esc(c))
        .collect::<Vec<_>>()
        .join(",");
    out.push_str(",sources\n");
    for r in &rows.rows {
        out.push_str(&r.cells.iter().map(|c| esc(c)).collect::<Vec<_>>().join(","));
        out.push_str(&format!(",{}\n", r.sources()));
    }
    out
}
