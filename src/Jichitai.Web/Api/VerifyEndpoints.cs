using Jichitai.Platform;
using Jichitai.Platform.Authenticity;
using Jichitai.Web.Startup;

namespace Jichitai.Web.Api;

public sealed record VerificationResponse(string Code, bool Issued, string Title, string Kind, DateTime IssuedAtJst, string MunicipalityCode, string MunicipalityName, string Sha256)
{
    public static VerificationResponse From(VerificationAnswer a) =>
        new(a.Code, true, a.Title, a.Kind, JapanTime.FromUtc(a.IssuedAt), a.MunicipalityCode, a.MunicipalityName, a.Sha256);
}

public sealed record PdfCheckResponse(VerificationResponse Document, bool Matches, string Sha256OfUpload, string Message);

/// <summary>真正性確認: anyone holding a printed 照合番号 may ask whether it was issued and whether a PDF is the one issued.</summary>
public static class VerifyEndpoints
{
    /// <summary>Certificates are a few pages; anything larger is not one of ours.</summary>
    public const int MaxPdfBytes = 20 * 1024 * 1024;

    public static void MapVerifyEndpoints(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/verify").AllowAnonymous().RequireRateLimiting(VerificationWiring.RateLimitPolicy).WithTags("Verify");
        g.MapGet("/{code}", async (string code, DocumentAuthenticity authenticity, CancellationToken ct) =>
            VerificationResponse.From(await authenticity.VerifyAsync(code, ct)))
            .WithSummary("照合番号の照会(交付の有無・日時・種類・団体・SHA-256) / was this code issued");
        g.MapPost("/{code}", async (string code, HttpRequest request, DocumentAuthenticity authenticity, CancellationToken ct) =>
        {
            var pdf = await ReadBodyAsync(request, ct);
            var (answer, matches) = await authenticity.CheckAsync(code, pdf, ct);
            return new PdfCheckResponse(VerificationResponse.From(answer), matches, DocumentAuthenticity.HashOf(pdf),
                matches ? "交付した PDF と一致します。" : "交付した PDF と一致しません(改変されたか、別の文書です)。");
        }).Accepts<byte[]>("application/pdf")
            .WithSummary("PDF の照合(本文に PDF を送る) / does this PDF match the issued one");
    }

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > MaxPdfBytes) throw ApiErrors.Invalid("file", "PDF が大きすぎます(20MB まで)。");
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, ct);
        if (buffer.Length == 0) throw ApiErrors.Required("file", "照合する PDF");
        if (buffer.Length > MaxPdfBytes) throw ApiErrors.Invalid("file", "PDF が大きすぎます(20MB まで)。");
        return buffer.ToArray();
    }
}
