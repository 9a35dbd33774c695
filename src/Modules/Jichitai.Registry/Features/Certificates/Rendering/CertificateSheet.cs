using Jichitai.Documents;
using Jichitai.Platform;
using Jichitai.Platform.Authenticity;
using Jichitai.Platform.Dates;

namespace Jichitai.Registry.Features.Certificates.Rendering;

/// <summary>
/// The A4 sheet every certificate shares: title, 公用/再交付 marks, a ruled table with a grey label column flowing over as
/// many pages as needed, and, added once the page count is known, the 発行番号 "n/m" and 照合番号 with its QR code on every
/// page and the 認証文, date, 認証者 and 公印 on the last page only (標準5.1, 5.5, 5.6, 5.7).
/// </summary>
internal sealed class CertificateSheet(DocumentBuilder document, CertificateInput input)
{
    public const float Left = 15f;
    public const float Width = 180f;
    public const float ContentTop = 32f;
    /// <summary>Below this the page keeps room for the 認証文 block (used on the last page only; the same on every page keeps the flow simple).</summary>
    public const float ContentBottom = 212f;
    private const float FooterTop = 266f;
    /// <summary>Label, value, second label, second value.</summary>
    private static readonly float[] Columns = [36f, 58f, 26f, 60f];

    private static readonly TextStyle LabelStyle = new() { Size = 9.5f, MinSize = 5.5f, VerticalAlign = VerticalAlign.Middle, Fit = TextFit.ShrinkThenWrap };
    private static readonly TextStyle NameStyle = new() { Size = 11f, MinSize = 5.5f, VerticalAlign = VerticalAlign.Middle, Fit = TextFit.ShrinkThenWrap };
    private static readonly TextStyle TextValueStyle = new() { Size = 10f, MinSize = 5.5f, VerticalAlign = VerticalAlign.Middle, Fit = TextFit.WrapThenShrink };

    private readonly List<PageBuilder> pages = [];
    private readonly string title = CertificateWording.Title(input);

    public PageBuilder Page { get; private set; } = null!;
    public float Y { get; set; }
    /// <summary>Drawn at the top of every new page below the title (the 世帯連記式 header with 住所 and 世帯主).</summary>
    public Action<CertificateSheet>? PageHeader { get; init; }

    public int PageCount => pages.Count;

    public PageBuilder NewPage()
    {
        Page = document.AddPage();
        pages.Add(Page);
        Page.Text(new Box(Left + 25, 13, Width - 50, 13), title,
            new TextStyle { Size = 20f, MinSize = 12f, Align = HorizontalAlign.Center, VerticalAlign = VerticalAlign.Middle, Fit = TextFit.ShrinkOnly }, "表題");
        // 標準5.7: 「公用」; 標準4.1.3.0.3: 「再交付」.
        if (input.Official) Mark(new Box(Left, 10, 20, 10), "公用");
        if (input.Reissue) Mark(new Box(Left + Width - 28, 10, 28, 10), "再交付");
        if (input.Sample) Mark(new Box(Left + 22, 10, 20, 10), "見本");
        Y = ContentTop;
        PageHeader?.Invoke(this);
        return Page;
    }

    private void Mark(Box box, string text)
    {
        Page.Frame(box, 1.5f);
        Page.Text(box.Inset(0.8f), text, new TextStyle { Size = 14f, MinSize = 8f, Align = HorizontalAlign.Center, VerticalAlign = VerticalAlign.Middle, Fit = TextFit.ShrinkOnly }, text);
    }

    public bool Fits(float height) => Y + height <= ContentBottom + 0.01f;

    /// <summary>The row's height: the base height, or more when the value needs several lines at its preferred size (capped; then it shrinks).</summary>
    public static float HeightOf(ItemRow row, float baseHeight)
    {
        var h = Math.Max(Estimate(row.Value, row.IsPair ? Columns[1] : Columns[1] + Columns[2] + Columns[3], Style(row.Fit)),
            row.IsPair ? Estimate(row.Value2 ?? "", Columns[3], Style(row.Fit2)) : 0);
        return Math.Clamp(h, baseHeight, 48f);
    }

    private static float Estimate(string text, float widthMm, TextStyle style)
    {
        var sizeMm = Units.ToMm(style.Size);
        var inner = widthMm - 2.4f;
        var lines = text.Split('\n').Sum(line =>
        {
            var ems = line.Sum(c => c < 0x7F ? 0.55f : 1f);
            return Math.Max(1, (int)Math.Ceiling(ems * sizeMm / inner));
        });
        // One line fits the base height (shrinking a little if need be); a name shrinks before it wraps.
        return lines == 1 || style.Fit == TextFit.ShrinkThenWrap ? 0 : lines * sizeMm * style.LineSpacing + 2.4f;
    }

    private static TextStyle Style(ValueFit fit) => fit == ValueFit.Name ? NameStyle : TextValueStyle;

    /// <summary>Draws one row at <see cref="Y"/> with the given height and moves down.</summary>
    public void Draw(ItemRow row, float height)
    {
        var grid = new Grid(Left, Y, Columns, [height]);
        Label(grid, 0, row.Label);
        if (row.IsPair)
        {
            Page.Cell(grid, 0, 1, row.Value, Style(row.Fit), label: row.Label);
            Label(grid, 2, row.Label2!);
            Page.Cell(grid, 0, 3, row.Value2 ?? "", Style(row.Fit2), label: row.Label2!);
        }
        else
        {
            Page.Cell(grid, 0, 1, row.Value, Style(row.Fit), columnSpan: 3, label: row.Label.Length > 0 ? row.Label : "異動履歴");
        }
        Y += height;
    }

    private void Label(Grid grid, int column, string text)
    {
        var box = grid.Cell(0, column);
        Page.Shade(box);
        Page.Frame(box);
        // 均等割り for short labels (氏　　名) with room on both sides, left aligned for long ones that may wrap.
        var distributed = text.Length is > 1 and <= 5;
        var inner = distributed ? new Box(box.X + 4f, box.Y + 0.8f, box.Width - 8f, box.Height - 1.6f) : box.Inset(1.2f);
        Page.Text(inner, text, distributed ? LabelStyle with { Align = HorizontalAlign.Distributed, Fit = TextFit.ShrinkOnly } : LabelStyle, "項目名");
    }

    /// <summary>Free text across the table width (paragraphs of notices, the 準ずる証明書's statement).</summary>
    public void Paragraph(string text, float height, float size = 10.5f)
    {
        Page.Text(new Box(Left, Y, Width, height), text, new TextStyle { Size = size, MinSize = 6f, Fit = TextFit.WrapThenShrink, LineSpacing = 1.5f }, "本文");
        Y += height;
    }

    /// <summary>Adds what depends on the page count: 発行番号 and 照合番号 on every page, the 認証文 block on the last.</summary>
    public void Finish()
    {
        if (pages.Count == 0) NewPage();
        for (var i = 0; i < pages.Count; i++)
        {
            Footer(pages[i], i + 1, pages.Count);
            // Continued sheets say so and are numbered at the top as well (the 発行番号 carries n/m too).
            if (pages.Count > 1)
                pages[i].Text(new Box(Left + Width - 50, 26, 50, 4.5f), (i > 0 && !CertificateWording.IsNotice(input.Kind) ? "（続き）　" : "") + $"{i + 1} / {pages.Count}",
                    new TextStyle { Size = 8.5f, Align = HorizontalAlign.Right, Fit = TextFit.ShrinkOnly }, "ページ");
        }
        Attestation(pages[^1]);
    }

    private void Footer(PageBuilder page, int number, int total)
    {
        if (input.Sample)
        {
            // A preview carries no code and no QR: it cannot be verified, so it cannot pass for an issued certificate.
            page.Frame(new Box(Left, FooterTop, Width, 20), 1.5f);
            page.Text(new Box(Left, FooterTop, Width, 20).Inset(2), $"見本　交付前の確認用です。証明書として使用できません。({number}/{total})",
                new TextStyle { Size = 12f, MinSize = 8f, Align = HorizontalAlign.Center, VerticalAlign = VerticalAlign.Middle, Fit = TextFit.ShrinkOnly }, "見本");
            return;
        }
        page.QrCode(new Box(Left, FooterTop, 20, 20), input.VerifyUrl);
        var small = new TextStyle { Size = 8f, MinSize = 5f, Fit = TextFit.WrapThenShrink };
        var what = CertificateWording.IsNotice(input.Kind) ? "この通知書" : "この証明書";
        page.Text(new Box(Left + 23, FooterTop, Width - 23, 5.5f), $"照合番号　{FormattedCode(input.VerificationCode)}", small with { Size = 10f }, "照合番号");
        page.Text(new Box(Left + 23, FooterTop + 6, Width - 23, 8), $"{what}の真正性は {VerifyAddress(input.VerifyUrl)} で照合番号により確認できます。", small, "照合の案内");
        // 標準5.5: 発行年月日・市区町村名・端末・プリンタ・連番・ページ数／総ページ数.
        page.Text(new Box(Left + 23, FooterTop + 15, Width - 23, 5), $"発行番号　{input.IssueNumber} {number}/{total}", small with { Fit = TextFit.ShrinkOnly }, "発行番号");
    }

    private void Attestation(PageBuilder page)
    {
        var issuer = input.Issuer;
        var y = 215f;
        if (input.Kind == CertificateKind.MoveOutEquivalentCertificate)
        {
            page.Text(new Box(Left, y, Width, 10), CertificateWording.MoveOutEquivalentNote, new TextStyle { Size = 9.5f, MinSize = 6f }, "準ずる証明書の記載");
            y += 11;
        }
        if (CertificateWording.Attestation(input) is { } attestation)
            page.Text(new Box(Left, y, Width, 7), attestation, new TextStyle { Size = 11.5f, MinSize = 7f, Fit = TextFit.ShrinkThenWrap }, "認証文");
        var dateY = Math.Max(y + 9, 232f);
        page.Text(new Box(Left + 8, dateY, 80, 7), WarekiFormatter.Format(IssuedOn(input)), new TextStyle { Size = 11f }, "交付年月日");
        var signer = $"{IssuerTitle.Of(issuer)}　{issuer.MayorName}";
        page.Text(new Box(Left + 20, dateY + 11, 126, 9), signer,
            new TextStyle { Size = 13f, MinSize = 7f, Align = HorizontalAlign.Right, VerticalAlign = VerticalAlign.Middle, Fit = TextFit.ShrinkThenWrap }, "認証者");
        if (issuer.SealNote.Length > 0)
            page.Text(new Box(Left + 20, dateY + 21, 126, 5), issuer.SealNote, new TextStyle { Size = 8f, Align = HorizontalAlign.Right }, "公印の文言");
        if (issuer.DepartmentName.Length > 0)
            page.Text(new Box(Left, dateY + 21, 60, 5), $"（{issuer.DepartmentName}）", new TextStyle { Size = 8f }, "担当課");
        // 標準5.6: 電子公印, black, at most 25 mm square.
        var seal = new Box(Left + Width - 23, dateY + 3, 22, 22);
        if (issuer.SealPng is { Length: > 0 } png) page.Image(seal, png);
        else DrawnSeal.Draw(page, seal, IssuerTitle.SealText(issuer));
    }

    public static DateOnly IssuedOn(CertificateInput input) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(input.IssuedAt, JapanTime.Zone).DateTime);

    private static string FormattedCode(string code) =>
        VerificationCode.Normalize(code) is { } normal ? VerificationCode.Format(normal) : code;

    /// <summary>Where to check, as a reader would type it: host and path without the query (the code is printed beside it).</summary>
    public static string VerifyAddress(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.Host + (uri.IsDefaultPort ? "" : $":{uri.Port}") + uri.AbsolutePath : url.Split('?')[0];
}
