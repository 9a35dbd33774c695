using Jichitai.Platform.Identity;
using Jichitai.Registry.Features.Restrictions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Jichitai.Registry.Features.Certificates;

/// <summary>/api/v1/registry/certificates: 交付請求の確認, 交付 (returns the PDF), 再交付, 処分, 交付履歴照会; and 支援措置の加害者.</summary>
internal static class CertificateEndpoints
{
    public static void Map(RouteGroupBuilder g)
    {
        var issue = g.MapGroup("/certificates").RequireAuthorization(RegistryPolicies.Certificates);
        issue.MapPost("/check", async (CertificateRequest body, CertificateService service, HttpContext http, CancellationToken ct) =>
                await service.CheckAsync(body, Context(http), ct))
            .WithSummary("交付請求の確認(支援措置・抑止、手数料、記載できる項目) / check a request before printing");
        issue.MapPost("/preview", async (CertificateRequest body, CertificateService service, HttpContext http, CancellationToken ct) =>
            {
                var preview = await service.PreviewAsync(body, Context(http), ct);
                return Results.Ok(new { preview.Check, pages = preview.Pages.Select(Convert.ToBase64String), preview.Problems, preview.Fallbacks });
            })
            .WithSummary("見本(PNG、発行番号・照合番号なし。記録は残らずアクセスログのみ) / preview pages before issue");
        issue.MapPost("/", async (CertificateRequest body, [Microsoft.AspNetCore.Mvc.FromHeader(Name = "Idempotency-Key")] string? key, CertificateService service,
                HttpContext http, CancellationToken ct) => Pdf(http, await service.IssueAsync(body, Context(http), ct, key)))
            .WithSummary("証明書の交付(PDF。Accept: application/json で交付情報とBase64のPDF) / issue a certificate");
        issue.MapPost("/{issueId:long}/reissue", async (long issueId, ReissueRequest body, CertificateService service, HttpContext http, CancellationToken ct) =>
                Pdf(http, await service.ReissueAsync(issueId, body, Context(http), ct)))
            .WithSummary("再交付(当初の交付時の内容で「再交付」と明記) / re-issue as first issued");
        issue.MapPost("/{issueId:long}/dispose", async (long issueId, DisposeRequest body, CertificateService service, HttpContext http, CancellationToken ct) =>
                await service.DisposeAsync(issueId, body, http.Actor(), ct))
            .WithSummary("誤って発行した証明書の処分の記録 / record the destruction of a wrongly issued certificate");
        issue.MapGet("/", async ([AsParameters] HistoryQueryParameters q, CertificateHistory history, HttpContext http, CancellationToken ct) =>
                await history.SearchAsync(q.ToQuery(), http.Actor(), ct))
            .WithSummary("交付履歴照会(宛名番号・期間・種類・発行番号・交付者・端末) / issue history");

        var officers = g.MapGroup("/restrictions/{restrictionId:long}/offenders").RequireAuthorization(RegistryPolicies.Restrictions);
        officers.MapGet("/", async (long restrictionId, OffenderService service, HttpContext http, CancellationToken ct) =>
                await service.ListAsync(restrictionId, http.Actor(), ct))
            .WithSummary("支援措置の加害者の照会 / offenders named in a support measure");
        officers.MapPost("/", async (long restrictionId, OffenderRequest body, OffenderService service, HttpContext http, CancellationToken ct) =>
                Results.Created((string?)null, await service.AddAsync(restrictionId, body, http.Actor(), ct)))
            .WithSummary("支援措置の加害者の登録 / name an offender of a support measure");
    }

    internal static IssueContext Context(HttpContext http) =>
        new(http.Actor(), RegistryPolicies.Roles[RegistryPolicies.Restrictions].Any(http.User.IsInRole), VerifyBaseUrl(http));

    /// <summary>Where the printed QR code points: Jichitai:PublicBaseUrl when the service sits behind a proxy, else this request's origin.</summary>
    internal static string VerifyBaseUrl(HttpContext http) =>
        http.RequestServices.GetService<IConfiguration>()?["Jichitai:PublicBaseUrl"] is { Length: > 0 } configured
            ? configured : $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";

    private static IResult Pdf(HttpContext http, IssuedCertificate issued)
    {
        if (http.Request.Headers.Accept.Any(a => a?.Contains("application/json", StringComparison.OrdinalIgnoreCase) == true))
            return Results.Json(new { certificate = issued, pdfBase64 = Convert.ToBase64String(issued.Pdf) }, statusCode: StatusCodes.Status201Created);
        http.Response.Headers["X-Issue-Id"] = issued.IssueId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        http.Response.Headers["X-Issue-Number"] = Uri.EscapeDataString(issued.IssueNumber);
        http.Response.Headers["X-Verification-Code"] = issued.VerificationCode;
        http.Response.Headers["X-Fee"] = issued.Fee.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (issued.Replayed) http.Response.Headers["X-Replayed"] = "true";
        return Results.File(issued.Pdf, "application/pdf", $"certificate-{issued.IssueId}.pdf");
    }
}

internal sealed record HistoryQueryParameters(string? AddresseeNumber, DateOnly? From, DateOnly? To, string? Kind, string? IssueNumber, string? IssuedBy,
    string? Terminal, string? Location, bool? DisposedOnly, string? Reason, int? Limit)
{
    public CertificateHistoryQuery ToQuery() => new()
    {
        AddresseeNumber = AddresseeNumber, From = From, To = To, Kind = Kind, IssueNumber = IssueNumber, IssuedBy = IssuedBy, Terminal = Terminal, Location = Location, DisposedOnly = DisposedOnly ?? false,
        Reason = Reason, Limit = Limit ?? 200,
    };
}
