using Jichitai.Care.Assessment;
using Jichitai.Care.Persistence;
using Jichitai.Documents;

namespace Jichitai.Care.Notices;

/// <summary>One notice: the addressee, the insured number and the assessment revision it notifies.</summary>
public sealed record PremiumNoticeInput(CarePersonRow Person, string InsuredNumber, AssessmentView View, DateOnly NoticeDate, CareIssuer Issuer);

/// <summary>
/// 介護保険料額決定通知書 (本算定・当初) and 介護保険料額変更通知書 (更正), one A4 page per person: 宛先, 算定の内訳
/// (基準額 × 率, 月数, 減免), 年額, 徴収方法, 期別の納付額 (for a 更正: before / after / 差額) and the explanation.
/// </summary>
public static class PremiumNoticeLayout
{
    public const string DecisionTitle = "介護保険料額決定通知書";
    public const string ChangeTitle = "介護保険料額変更通知書";

    private static readonly TextStyle Label = new() { Size = 9, Align = HorizontalAlign.Distributed, VerticalAlign = VerticalAlign.Middle };
    private static readonly TextStyle Value = new() { Size = 10, MinSize = 6.5f, VerticalAlign = VerticalAlign.Middle, Fit = TextFit.ShrinkThenWrap };
    private static readonly TextStyle Amount = Value with { Align = HorizontalAlign.Right };
    private static readonly TextStyle Head = new() { Size = 8.5f, MinSize = 6, Align = HorizontalAlign.Center, VerticalAlign = VerticalAlign.Middle, Fit = TextFit.ShrinkOnly };
    private static readonly TextStyle Small = new() { Size = 9, MinSize = 6, Fit = TextFit.ShrinkOnly, VerticalAlign = VerticalAlign.Middle };

    public static bool IsChange(AssessmentView view) => view.Row.Kind == AssessmentKinds.Revision;
    public static string TitleOf(AssessmentView view) => IsChange(view) ? ChangeTitle : DecisionTitle;

    public static void Draw(PageBuilder page, PremiumNoticeInput n)
    {
        var view = n.View;
        var r = view.Result;
        var row = view.Row;
        var change = IsChange(view);
        const float left = 15, width = 180;

        // 宛先 (window envelope position) and the issuer on the right.
        var person = n.Person;
        page.Text(new Box(left + 5, 22, 90, 5), person.PostalCode is { Length: > 0 } zip ? $"〒{zip}" : "", Small, "郵便番号");
        page.Text(new Box(left + 5, 28, 90, 14), person.Address ?? "", new TextStyle { Size = 10.5f, MinSize = 7 }, "住所");
        page.Text(new Box(left + 5, 43, 90, 9), $"{person.Name}　様", new TextStyle { Size = 13, MinSize = 8, Fit = TextFit.ShrinkThenWrap }, "氏名");
        page.Text(new Box(120, 22, 75, 5), CareWording.Date(n.NoticeDate), Small with { Align = HorizontalAlign.Right }, "通知日");
        page.Text(new Box(120, 29, 75, 6), n.Issuer.Signature, Small with { Size = 10.5f, Align = HorizontalAlign.Right }, "通知者");
        var contact = string.Join("\n", new[] { n.Issuer.Department, n.Issuer.OfficeAddress, n.Issuer.Phone.Length > 0 ? "電話 " + n.Issuer.Phone : "" }.Where(s => s.Length > 0));
        page.Text(new Box(120, 36, 75, 16), contact, new TextStyle { Size = 8.5f, MinSize = 6, Align = HorizontalAlign.Right }, "問い合わせ先");

        page.Text(new Box(left, 58, width, 11), TitleOf(view), new TextStyle { Size = 17, Align = HorizontalAlign.Center, VerticalAlign = VerticalAlign.Middle }, "表題");
        var verb = change ? "変更しました" : "決定しました";
        page.Text(new Box(left, 71, width, 10),
            $"あなたの{CareWording.FiscalYear(row.FiscalYear)}の介護保険料を次のとおり{verb}ので通知します(介護保険法129条、{n.Issuer.InsurerName}介護保険条例)。"
            + (change && row.Cause is { Length: > 0 } cause ? $"変更の理由: {cause}。" : ""),
            new TextStyle { Size = 9.5f, MinSize = 7 }, "前文");

        var info = new Grid(left, 83, [28, 62, 28, 62], [7, 7]);
        Pair(page, info, 0, 0, "被保険者番号", n.InsuredNumber);
        Pair(page, info, 0, 2, "年度", CareWording.FiscalYear(row.FiscalYear));
        Pair(page, info, 1, 0, "所得段階", $"第{r.Stage}段階{(r.Undeclared ? "(所得未申告)" : "")}");
        Pair(page, info, 1, 2, "徴収方法", r.Collection);

        // 算定の内訳.
        page.Text(new Box(left, 100, width, 6), "算定の内訳", Small with { Size = 10 }, "算定の内訳");
        var calc = new Grid(left, 106, [28, 62, 28, 62], [7, 7, 7]);
        Pair(page, calc, 0, 0, "基準額(年額)", CareWording.Yen(r.BaseAnnualPremium), Amount);
        Pair(page, calc, 0, 2, "保険料率", r.RatioBeforeReduction is { } before ? $"{r.Ratio:0.###}(軽減前 {before:0.###})" : $"{r.Ratio:0.###}", Amount);
        Pair(page, calc, 1, 0, "年額(12か月)", CareWording.Yen(r.FullYearPremium), Amount);
        Pair(page, calc, 1, 2, "資格のある月数", $"{r.Months.Count}か月", Amount);
        Pair(page, calc, 2, 0, "減免額", r.Reductions.Count == 0 ? "なし" : CareWording.Yen(r.Reductions.Sum(x => x.Amount)), Amount);
        Pair(page, calc, 2, 2, "年額保険料", CareWording.Yen(r.Premium), Amount with { Size = 11.5f });

        var tableTop = 132f;
        if (change) Differences(page, view, left, tableTop); else Installments(page, view, left, tableTop);

        // The explanation in plain words beside the table.
        page.Text(new Box(116, tableTop, 79, 6), "保険料の計算について", Small with { Size = 10 }, "説明見出し");
        page.Frame(new Box(116, tableTop + 7, 79, 118));
        page.Text(new Box(118, tableTop + 9, 75, 114), string.Join("\n", view.Explanation.Select(l => "・" + l)),
            new TextStyle { Size = 8.5f, MinSize = 5.5f, LineSpacing = 1.35f }, "説明");

        page.Text(new Box(left, 262, width, 18),
            "この処分に不服があるときは、この通知を受け取った日の翌日から起算して3か月以内に、都道府県の介護保険審査会に審査請求をすることができます(介護保険法183条・192条)。"
            + "処分の取消しの訴えは、審査請求に対する裁決を経た後でなければ提起できません(同法196条)。",
            new TextStyle { Size = 7.5f, MinSize = 6 }, "教示");
    }

    private static void Installments(PageBuilder page, AssessmentView view, float left, float top)
    {
        page.Text(new Box(left, top, 95, 6), "期別の納付額", Small with { Size = 10 }, "期別見出し");
        var rows = view.Installments;
        var grid = Grid.Uniform(left, top + 7, [24, 20, 22, 29], rows.Count + 2, 6.2f);
        string[] heads = ["納付月", "期別", "徴収方法", "金額"];
        for (var c = 0; c < heads.Length; c++) { page.Shade(grid.Cell(0, c)); page.Cell(grid, 0, c, heads[c], Head); }
        for (var i = 0; i < rows.Count; i++)
        {
            var x = rows[i];
            page.Cell(grid, i + 1, 0, CareWording.Month(x.Year, x.Month), Value with { Size = 8.5f }, label: "納付月");
            page.Cell(grid, i + 1, 1, x.Label, Value with { Size = 8.5f, Align = HorizontalAlign.Center }, label: "期別");
            page.Cell(grid, i + 1, 2, x.Method, Value with { Size = 8.5f, Align = HorizontalAlign.Center }, label: "徴収方法");
            page.Cell(grid, i + 1, 3, CareWording.Yen(x.Amount), Amount with { Size = 9 }, label: "金額");
        }
        page.Cell(grid, rows.Count + 1, 0, "合計", Head, columnSpan: 3);
        page.Cell(grid, rows.Count + 1, 3, CareWording.Yen(rows.Sum(x => x.Amount)), Amount with { Size = 9 }, label: "合計");
        if (view.Result.Refund > 0)
            page.Text(new Box(left, grid.Bounds.Bottom + 2, 95, 6), $"還付額 {CareWording.Yen(view.Result.Refund)}", Small, "還付額");
    }

    private static void Differences(PageBuilder page, AssessmentView view, float left, float top)
    {
        page.Text(new Box(left, top, 95, 6), "期別の納付額(変更前・変更後)", Small with { Size = 10 }, "期別見出し");
        var rows = view.Differences;
        var grid = Grid.Uniform(left, top + 7, [21, 17, 19, 19, 19], rows.Count + 2, 6.2f);
        string[] heads = ["納付月", "期別", "変更前", "変更後", "差額"];
        for (var c = 0; c < heads.Length; c++) { page.Shade(grid.Cell(0, c)); page.Cell(grid, 0, c, heads[c], Head); }
        var small = Amount with { Size = 8.5f };
        for (var i = 0; i < rows.Count; i++)
        {
            var d = rows[i];
            page.Cell(grid, i + 1, 0, CareWording.Month(d.Year, d.Month), Value with { Size = 8 }, label: "納付月");
            page.Cell(grid, i + 1, 1, d.Label, Value with { Size = 8, Align = HorizontalAlign.Center }, label: "期別");
            page.Cell(grid, i + 1, 2, CareWording.Yen(d.Before), small, label: "変更前");
            page.Cell(grid, i + 1, 3, CareWording.Yen(d.After), small, label: "変更後");
            page.Cell(grid, i + 1, 4, CareWording.SignedYen(d.Difference), small, label: "差額");
        }
        page.Cell(grid, rows.Count + 1, 0, "合計", Head, columnSpan: 2);
        page.Cell(grid, rows.Count + 1, 2, CareWording.Yen(rows.Sum(d => d.Before)), small, label: "合計");
        page.Cell(grid, rows.Count + 1, 3, CareWording.Yen(rows.Sum(d => d.After)), small, label: "合計");
        page.Cell(grid, rows.Count + 1, 4, CareWording.SignedYen(rows.Sum(d => d.Difference)), small, label: "合計");
        if (view.Result.Refund > 0)
            page.Text(new Box(left, grid.Bounds.Bottom + 2, 95, 6), $"還付額 {CareWording.Yen(view.Result.Refund)}", Small, "還付額");
    }

    private static void Pair(PageBuilder page, Grid grid, int row, int column, string label, string value, TextStyle? style = null)
    {
        page.Shade(grid.Cell(row, column));
        page.Cell(grid, row, column, label, Label);
        page.Cell(grid, row, column + 1, value, style ?? Value, label: label);
    }
}
