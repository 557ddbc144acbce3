/**
 * A citation of a provision as officials write it:
 * 《中华人民共和国行政处罚法》第三十三条第一款 → { law: "中华人民共和国行政处罚法", article: 33, paragraph: 1 }
 * 《中华人民共和国安全生产法》第九十七条第（四）项 → { law: "中华人民共和国安全生产法", article: 97, item: 4 }
 * `law` is the full official title without book-title marks.
 */
export interface Citation {
  law: string;
  article: number;
  paragraph?: number;
  item?: number;
}

/** Resolves a citation to the text of the provision, or undefined when it does not exist. */
export type ProvisionLookup = (citation: Citation) => string | undefined;
