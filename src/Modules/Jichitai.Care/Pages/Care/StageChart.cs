using System.Globalization;
using System.Net;
using System.Text;

namespace Jichitai.Care.Pages.Care;

/// <summary>One group of bars: a stage's value in this run and in the previous completed run (null when there is none).</summary>
public sealed record ChartBar(string Label, long Current, long? Previous);

/// <summary>
/// A grouped bar chart drawn on the server as inline SVG (no script, nothing external: the page's CSP allows neither):
/// per stage, this run beside the previous run of the year, with the scale and a legend.
/// </summary>
public static class StageChart
{
    private const int Height = 240, Top = 20, Bottom = 40, Left = 70, GroupWidth = 46, Right = 20;

    public static string Svg(IReadOnlyList<ChartBar> bars, string title, Func<long, string> format)
    {
        var max = Math.Max(1, bars.Max(b => Math.Max(b.Current, b.Previous ?? 0)));
        var scale = NiceCeiling(max);
        var width = Left + bars.Count * GroupWidth + Right;
        var plot = Height - Top - Bottom;
        var svg = new StringBuilder();
        svg.Append(Inv($"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"stage-chart\" role=\"img\" width=\"{width}\" height=\"{Height + 20}\" viewBox=\"0 0 {width} {Height + 20}\" data-testid=\"stage-chart\">"));
        svg.Append("<title>").Append(WebUtility.HtmlEncode(title)).Append("</title>");
        for (var i = 0; i <= 4; i++)
        {
            var y = Top + plot - plot * i / 4.0;
            svg.Append(Inv($"<line x1=\"{Left}\" y1=\"{y:0.#}\" x2=\"{width - Right}\" y2=\"{y:0.#}\" stroke=\"#ddd\" />"));
            svg.Append(Inv($"<text x=\"{Left - 6}\" y=\"{y + 4:0.#}\" font-size=\"10\" text-anchor=\"end\" fill=\"#555\">")).Append(WebUtility.HtmlEncode(format(scale * i / 4))).Append("</text>");
        }
        for (var i = 0; i < bars.Count; i++)
        {
            var b = bars[i];
            var x = Left + i * GroupWidth + 6;
            if (b.Previous is { } previous) Bar(svg, x, previous, scale, plot, "#b0b7c3", $"{b.Label} 前回 {format(previous)}", "previous");
            Bar(svg, x + 17, b.Current, scale, plot, "#2b6cb0", $"{b.Label} 今回 {format(b.Current)}", "current");
            svg.Append(Inv($"<text x=\"{x + 17}\" y=\"{Top + plot + 14}\" font-size=\"10\" text-anchor=\"middle\">")).Append(WebUtility.HtmlEncode(b.Label)).Append("</text>");
        }
        svg.Append(Inv($"<line x1=\"{Left}\" y1=\"{Top + plot}\" x2=\"{width - Right}\" y2=\"{Top + plot}\" stroke=\"#333\" />"));
        var legend = Top + plot + 30;
        svg.Append(Inv($"<rect x=\"{Left}\" y=\"{legend}\" width=\"12\" height=\"12\" fill=\"#2b6cb0\" /><text x=\"{Left + 16}\" y=\"{legend + 10}\" font-size=\"11\">今回</text>"));
        if (bars.Any(b => b.Previous is not null))
            svg.Append(Inv($"<rect x=\"{Left + 60}\" y=\"{legend}\" width=\"12\" height=\"12\" fill=\"#b0b7c3\" /><text x=\"{Left + 76}\" y=\"{legend + 10}\" font-size=\"11\">前回(同じ年度の完了した本算定)</text>"));
        svg.Append("</svg>");
        return svg.ToString();
    }

    private static void Bar(StringBuilder svg, int x, long value, long scale, int plot, string color, string tip, string kind)
    {
        var h = plot * (double)value / scale;
        svg.Append(Inv($"<rect class=\"bar-{kind}\" x=\"{x}\" y=\"{Top + plot - h:0.##}\" width=\"16\" height=\"{h:0.##}\" fill=\"{color}\"><title>"))
            .Append(WebUtility.HtmlEncode(tip)).Append("</title></rect>");
    }

    /// <summary>The smallest 1, 2 or 5 × 10^n not below the maximum, so the scale lines are round numbers.</summary>
    internal static long NiceCeiling(long max)
    {
        var magnitude = 1L;
        while (magnitude * 10 <= max) magnitude *= 10;
        foreach (var step in new[] { 1, 2, 5, 10 })
            if (step * magnitude >= max) return step * magnitude;
        return 10 * magnitude;
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
