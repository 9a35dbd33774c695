using System.CommandLine;
using Jichitai.Registry.Features.Certificates.Rendering;
using SkiaSharp;

namespace Jichitai.Bench;

/// <summary>
/// <c>forms --out docs/forms [--dpi 80]</c>: renders one sample of each certificate (fictional people, <see cref="FormSamples"/>)
/// and writes each page as a grayscale PNG (and the PDF beside it with --pdf), the pictures of docs/forms.
/// With <c>--measure N</c> it also renders each sample N times on one thread and prints median and p95 per document and per page.
/// </summary>
internal static class FormsCommand
{
    public static Command Build()
    {
        var output = new Option<DirectoryInfo>("--out") { Description = "Directory for the PNGs", DefaultValueFactory = _ => new DirectoryInfo("docs/forms") };
        var dpi = new Option<int>("--dpi") { Description = "Resolution of the pictures", DefaultValueFactory = _ => 80 };
        var pdf = new Option<bool>("--pdf") { Description = "Also write the PDFs" };
        var measure = new Option<int>("--measure") { Description = "Render each sample this many times and print median/p95 render times (0: no measurement)" };
        var command = new Command("forms", "Sample certificates (住民票の写し etc.) as PNG pictures for docs/forms") { output, dpi, pdf, measure };
        command.SetAction(r =>
        {
            var dir = r.GetValue(output)!;
            dir.Create();
            foreach (var (name, input) in FormSamples.All())
            {
                var result = CertificateRenderer.Render(input);
                if (r.GetValue(pdf)) File.WriteAllBytes(Path.Combine(dir.FullName, name + ".pdf"), result.Pdf);
                var pages = CertificateRenderer.RenderPages(input, r.GetValue(dpi));
                for (var i = 0; i < pages.Count; i++)
                {
                    var file = pages.Count == 1 ? $"{name}.png" : $"{name}-{i + 1}.png";
                    File.WriteAllBytes(Path.Combine(dir.FullName, file), Grayscale(pages[i]));
                }
                var problems = result.Problems.Count == 0 ? "" : "  problems: " + string.Join(" / ", result.Problems.Select(p => p.Message));
                Console.WriteLine($"{name}: {pages.Count} page(s){problems}");
            }
            if (r.GetValue(measure) is > 0 and var n) Measure(n);
        });
        return command;
    }

    /// <summary>Render time of each sample (PDF bytes only, as issued), one thread, after a warm-up.</summary>
    private static void Measure(int count)
    {
        Console.WriteLine();
        Console.WriteLine("| sample | pages | median ms | p95 ms | median ms/page | bytes |");
        Console.WriteLine("|---|---|---|---|---|---|");
        foreach (var (name, input) in FormSamples.All())
        {
            for (var i = 0; i < Math.Max(3, count / 10); i++) CertificateRenderer.Render(input);
            var latencies = new double[count];
            var result = CertificateRenderer.Render(input);
            for (var i = 0; i < count; i++)
            {
                var start = System.Diagnostics.Stopwatch.GetTimestamp();
                result = CertificateRenderer.Render(input);
                latencies[i] = System.Diagnostics.Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }
            Array.Sort(latencies);
            var median = latencies[count / 2];
            var p95 = latencies[Math.Min(count - 1, (int)Math.Ceiling(0.95 * count) - 1)];
            Console.WriteLine($"| {name} | {result.PageCount} | {median:F1} | {p95:F1} | {median / result.PageCount:F1} | {result.Pdf.Length:N0} |");
        }
    }

    /// <summary>8-bit grey PNG: a third of the size of the colour picture, and the forms are black and white anyway.</summary>
    private static byte[] Grayscale(byte[] png)
    {
        using var colour = SKBitmap.Decode(png);
        using var grey = colour.Copy(SKColorType.Gray8) ?? throw new InvalidOperationException("Cannot convert the page to grey.");
        using var data = grey.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
