using System.Text;

namespace Jichitai.Registry.Features.Migration.Layout;

/// <summary>docs/migration-layout.md, written from <see cref="MigrationLayout"/> so the document and the importer cannot differ.</summary>
public static class LayoutDocument
{
    public static string Markdown()
    {
        var md = new StringBuilder();
        md.Append($"""
            # 移行データレイアウト(Migration layout {MigrationLayout.Version})

            このファイルは `jichitai migrate layout` が出力したものです(手で編集しないこと。定義は
            `src/Modules/Jichitai.Registry/Features/Migration/Layout/MigrationLayout.cs`)。

            住民記録システム標準仕様書 10.6(中間標準レイアウト仕様での出力)・10.8(CSV形式のデータの取込)に対応する、住民記録の
            全件移行用のファイル群です。項目名・型・桁数は「中間標準レイアウト仕様(住民基本台帳)」の公開されている記述に合わせ、
            コードは製品のコード表(docs/registry/codes.md)と同じです。

            ## 共通の規則

            - 1つのフォルダに次の5ファイルを置きます。データがない表も見出し行だけのファイルが必要です。
            - 1行目は見出し(項目名をこの順に)。区切りはカンマ、改行は CRLF、値にカンマ・ダブルクォートを含むときだけダブルクォートで囲みます(RFC 4180)。値の中の改行は使えません。
            - 文字コード: UTF-8(BOMなし、既定。すべての文字を表せます)または CP932(Windows-31J)。CP932 で表せない文字(𠮷 など)は出力時に
              エラーとして行と符号位置(U+20BB7)を報告し、置き換えません。私用領域(外字)の文字は取り込めません(文字同定してから移行)。
            - 日付: 出力は西暦8桁 `YYYYMMDD`。取込は `YYYYMMDD`、`YYYY-MM-DD`、和暦7桁(年号コード1桁+年月日6桁、例 `4310430` = 平成31年4月30日)。
              元号の期間外の日付(`4310501` = 平成31年5月1日)や暦にない日(2月30日)はエラーです。
            - 日時: `YYYY-MM-DD HH:MM:SS`(日本時間)。
            - 長さは文字数(サロゲートペアや異体字セレクタ付きの字も1文字)。
            - 取込はすべての行を検査してから一括で登録します。1件でもエラーがあれば何も登録せず、エラー一覧(CSV: ファイル, 行, 項目, 値, 理由)を出力します。

            ## ファイル一覧

            | ファイル | 内容 | 並び順 |
            |---|---|---|

            """);
        foreach (var f in MigrationLayout.Files) md.Append($"| `{f.FileName}` | {f.Title} | {f.Order} |\n");
        foreach (var f in MigrationLayout.Files)
        {
            md.Append($"\n## {f.Title}(`{f.FileName}`)\n\n{f.Description}\n\n並び順: {f.Order}。\n\n");
            md.Append("| # | 項目名 | 型 | 最大桁 | 必須 | コード | 説明 | 例 |\n|---|---|---|---|---|---|---|---|\n");
            for (var i = 0; i < f.Columns.Count; i++)
            {
                var c = f.Columns[i];
                md.Append($"| {i + 1} | {c.Name} | {TypeName(c.Type)} | {c.MaxLength} | {(c.Required ? "○" : "")} | {c.Codes?.Name ?? ""} | {c.Description} | {(c.Example.Length > 0 ? $"`{c.Example}`" : "")} |\n");
            }
        }
        md.Append("\n## コード表\n");
        var lists = MigrationLayout.Files.SelectMany(f => f.Columns).Select(c => c.Codes).Append(LayoutCodes.Era).OfType<CodeList>().Distinct().ToList();
        foreach (var list in lists)
        {
            md.Append($"\n### {list.Name}\n\n");
            if (list.Note is not null) md.Append(list.Note).Append("\n\n");
            md.Append("| コード | 意味 |\n|---|---|\n");
            foreach (var (code, label) in list.Entries) md.Append($"| `{code}` | {label} |\n");
        }
        return md.ToString();
    }

    private static string TypeName(ColumnType type) => type switch
    {
        ColumnType.Digits => "数字",
        ColumnType.Number => "整数",
        ColumnType.Text => "文字",
        ColumnType.Kana => "カタカナ",
        ColumnType.Date => "日付",
        ColumnType.DateTime => "日時",
        ColumnType.Code => "コード",
        ColumnType.Flag => "フラグ(0/1)",
        _ => type.ToString(),
    };
}
