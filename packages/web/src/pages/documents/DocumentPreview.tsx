// The live preview of a filled document: the GB/T 9704 page scaled to the screen (title 小标宋-style,
// body 仿宋-style with a 2-character first-line indent, signature bottom right, the seed's footer).
import type { FilledBlock, FilledDocument, TextRun } from "@kuanyan/domain/documents";

const titleFont = '"方正小标宋简体", "FZXiaoBiaoSong-B05S", "STZhongsong", "Noto Serif SC", "SimSun", serif';
const bodyFont = '"仿宋_GB2312", "仿宋", "FangSong", "STFangsong", "Noto Serif SC", serif';

function Runs({ runs }: { runs: TextRun[] }) {
  return (
    <>
      {runs.map((r, i) =>
        r.blank ? (
          <span key={i} style={{ color: "#cf1322", background: "#fff1f0" }}>
            {r.text}
          </span>
        ) : r.field ? (
          <span key={i} style={{ whiteSpace: "pre-wrap", background: "#f0f5ff" }}>
            {r.text}
          </span>
        ) : (
          <span key={i} style={{ whiteSpace: "pre-wrap" }}>
            {r.text}
          </span>
        ),
      )}
    </>
  );
}

function Block({ b }: { b: FilledBlock }) {
  switch (b.kind) {
    case "organisationHeading":
    case "title":
      return (
        <div style={{ fontFamily: titleFont, fontSize: "1.4em", fontWeight: 700, textAlign: "center", lineHeight: 1.6 }}>
          <Runs runs={b.runs} />
        </div>
      );
    case "number":
      return (
        <div style={{ textAlign: "right" }}>
          <Runs runs={b.runs} />
        </div>
      );
    case "paragraph":
      return (
        <p style={{ textIndent: b.indent ? "2em" : 0, textAlign: b.align, margin: 0 }}>
          <Runs runs={b.runs} />
        </p>
      );
    case "table":
      return (
        <table style={{ width: "100%", borderCollapse: "collapse", fontSize: "0.8em", margin: "0.5em 0" }}>
          <tbody>
            {b.rows.map((r, ri) => (
              <tr key={ri}>
                {r.cells.map((c, ci) => (
                  <td
                    key={ci}
                    colSpan={c.colSpan}
                    style={{
                      border: "1px solid #333",
                      padding: 4,
                      textAlign: c.role === "label" ? "center" : "left",
                      height: `${c.minLines * 1.6}em`,
                      verticalAlign: "top",
                    }}
                  >
                    <Runs runs={c.runs} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      );
    case "signature":
      return (
        <div style={{ textAlign: "right", marginTop: "1.5em", paddingRight: "2em" }}>
          <div>{b.organisation}</div>
          <div>{b.sealNote}</div>
          <div>{b.date}</div>
        </div>
      );
    case "footer":
      return (
        <div style={{ fontSize: "0.75em", marginTop: "1.5em" }}>
          <div>{b.copiesNote}</div>
          <div>
            {b.delivererLabel}
            {b.deliverer}　　{b.recipientLabel}
            {b.recipient}
          </div>
          <div>
            {b.deliveredAtLabel}
            {b.deliveredAt}
          </div>
        </div>
      );
  }
}

/** A document preview on a white A4-proportioned sheet. Blanks (missing values) are red. */
export default function DocumentPreview({ document, label = "文书预览" }: { document: FilledDocument; label?: string }) {
  return (
    <div
      role="document"
      aria-label={label}
      style={{
        background: "#fff",
        boxShadow: "0 1px 6px rgba(0,0,0,.15)",
        padding: "8% 7% 8% 9%",
        fontFamily: bodyFont,
        fontSize: 15,
        lineHeight: 1.9,
        color: "#000",
        maxWidth: 640,
        margin: "0 auto",
        aspectRatio: "210 / 297",
        overflow: "auto",
      }}
    >
      {document.blocks.map((b, i) => (
        <Block key={i} b={b} />
      ))}
    </div>
  );
}
