using Jichitai.Documents;

namespace Jichitai.Care.Notices;

/// <summary>What a 被保険者証 shows (標準 0230010 介護保険被保険者証: the 被保険者 side of the card).</summary>
public sealed record InsuredCardInput(
    string InsuredNumber, string? PostalCode, string Address, string NameKana, string Name, DateOnly BirthDate, string? Gender,
    DateOnly IssuedOn, DateOnly? AcquiredOn, string Kind, CareIssuer Issuer, long IssueNumber);

/// <summary>
/// The 介護保険被保険者証 on an A4 sheet: the card area (the real card is folded; its first face is drawn here) with the
/// items of the 被保険者 part, and the 保険者 (番号, 名称, 所在地) at its foot.
/// </summary>
public static class InsuredCardLayout
{
    private static readonly TextStyle Label = new() { Size = 9, Align = HorizontalAlign.Distributed, VerticalAlign = VerticalAlign.Middle };
    private static readonly TextStyle Value = new() { Size = 11, MinSize = 7, VerticalAlign = VerticalAlign.Middle, Fit = TextFit.ShrinkThenWrap };

    public static void Draw(PageBuilder page, InsuredCardInput c)
    {
        const float left = 25, top = 30, width = 160;
        page.Frame(new Box(left - 3, top - 3, width + 6, 157), 1.2f);
        page.Text(new Box(left, top, width, 12), "介護保険被保険者証", new TextStyle { Size = 18, Align = HorizontalAlign.Center, VerticalAlign = VerticalAlign.Middle });
        if (c.Kind == "再交付") page.Text(new Box(left + width - 30, top, 30, 12), "(再交付)", new TextStyle { Size = 9, Align = HorizontalAlign.Right, VerticalAlign = VerticalAlign.Middle });

        var grid = new Grid(left, top + 16, [8, 30, 122], [11, 16, 8, 12, 10, 10, 10]);
        page.Shade(grid.Cell(0, 0, 7, 1));
        page.Cell(grid, 0, 0, "被保険者", new TextStyle { Size = 9, Align = HorizontalAlign.Center, VerticalAlign = VerticalAlign.Middle, LineSpacing = 1.1f }, rowSpan: 7, paddingMm: 0.8f);
        Row(page, grid, 0, "番号", c.InsuredNumber, "被保険者番号", Value with { Size = 14 });
        Row(page, grid, 1, "住所", (c.PostalCode is { Length: > 0 } zip ? $"〒{zip}\n" : "") + c.Address, "住所", Value with { Size = 10.5f, Fit = TextFit.WrapThenShrink });
        Row(page, grid, 2, "フリガナ", c.NameKana, "フリガナ", Value with { Size = 9 });
        Row(page, grid, 3, "氏名", c.Name, "氏名", Value with { Size = 14 });
        Row(page, grid, 4, "生年月日", $"{CareWording.Date(c.BirthDate)}　　性別　{c.Gender ?? ""}", "生年月日", Value);
        Row(page, grid, 5, "交付年月日", CareWording.Date(c.IssuedOn), "交付年月日", Value);
        Row(page, grid, 6, "資格取得年月日", c.AcquiredOn is { } a ? CareWording.Date(a) : "", "資格取得年月日", Value);

        var insurer = new Grid(left, grid.Bounds.Bottom + 6, [38, 122], [10, 22]);
        page.Shade(insurer.Cell(0, 0, 2, 1));
        page.Cell(insurer, 0, 0, "保険者番号", Label);
        page.Cell(insurer, 0, 1, string.Join("  ", c.Issuer.InsurerNumber.ToCharArray()), Value with { Size = 14 }, label: "保険者番号");
        page.Cell(insurer, 1, 0, "保険者の名称\n及び所在地", Label with { Align = HorizontalAlign.Center });
        var place = c.Issuer.OfficeAddress.Length > 0 ? c.Issuer.OfficeAddress + "\n" : "";
        page.Cell(insurer, 1, 1, $"{place}{c.Issuer.InsurerName}　　{c.Issuer.Signature}", Value with { Size = 10.5f, Fit = TextFit.WrapThenShrink }, label: "保険者");

        page.Text(new Box(left, insurer.Bounds.Bottom + 4, width, 14),
            "この証は、要介護認定・要支援認定の申請や介護保険のサービスを受けるときに必要です。大切に保管してください。"
            + "住所や氏名が変わったとき、資格を失ったときは、14日以内に届け出てください(介護保険法12条)。",
            new TextStyle { Size = 8.5f, MinSize = 6 }, "注意事項");
        page.Text(new Box(left, 260, width, 6), $"発行番号 {c.IssueNumber}　{c.Kind}", new TextStyle { Size = 8, Align = HorizontalAlign.Right }, "発行番号");
    }

    private static void Row(PageBuilder page, Grid grid, int row, string label, string value, string name, TextStyle style)
    {
        page.Shade(grid.Cell(row, 1));
        page.Cell(grid, row, 1, label, Label);
        page.Cell(grid, row, 2, value, style, label: name);
    }
}
