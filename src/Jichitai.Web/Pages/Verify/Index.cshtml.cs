using Jichitai.Platform;
using Jichitai.Platform.Authenticity;
using Jichitai.Platform.Errors;
using Jichitai.Web.Startup;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Jichitai.Web.Pages.Verify;

/// <summary>真正性確認 (public): a resident or a receiving office types the printed 照合番号 and may upload the PDF.</summary>
[AllowAnonymous]
[EnableRateLimiting(VerificationWiring.RateLimitPolicy)]
public sealed class IndexModel(DocumentAuthenticity authenticity) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }
    [BindProperty] public IFormFile? Pdf { get; set; }

    public VerificationAnswer? Answer { get; private set; }
    public DateTime IssuedAtJst { get; private set; }
    public bool? Matches { get; private set; }
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(Code)) await LookUpAsync(null, ct);
    }

    public async Task OnPostAsync(CancellationToken ct)
    {
        byte[]? pdf = null;
        if (Pdf is { Length: > 0 })
        {
            if (Pdf.Length > Api.VerifyEndpoints.MaxPdfBytes) { Error = "PDF が大きすぎます(20MB まで)。"; return; }
            using var buffer = new MemoryStream();
            await Pdf.CopyToAsync(buffer, ct);
            pdf = buffer.ToArray();
        }
        await LookUpAsync(pdf, ct);
    }

    private async Task LookUpAsync(byte[]? pdf, CancellationToken ct)
    {
        try
        {
            if (pdf is null) Answer = await authenticity.VerifyAsync(Code, ct);
            else (Answer, Matches) = await authenticity.CheckAsync(Code, pdf, ct);
            IssuedAtJst = JapanTime.FromUtc(Answer.IssuedAt);
        }
        catch (DomainException e)
        {
            Error = e.Message;
            Response.StatusCode = e.Status;
        }
    }
}
