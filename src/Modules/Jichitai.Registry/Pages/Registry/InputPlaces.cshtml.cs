using Jichitai.Platform.Errors;
using Jichitai.Platform.Identity;
using Jichitai.Registry.Features.InputPlaces;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jichitai.Registry.Pages.Registry;

/// <summary>入力場所・入力端末の登録管理 (standard 1.3.1), for registry officers.</summary>
[Authorize(Policy = RegistryPolicies.Officer)]
public sealed class InputPlacesModel(InputPlaceService places) : PageModel
{
    [BindProperty] public InputLocationRequest Location { get; set; } = new(null, null, null, null);
    [BindProperty] public InputTerminalRequest Terminal { get; set; } = new(null, null, null);
    public IReadOnlyList<InputLocationView> Items { get; private set; } = [];
    public string? ThisAddress { get; private set; }
    public string? Message { get; private set; }
    /// <summary>Which form was sent, so a field error shows on that form only.</summary>
    public string? Posted { get; private set; }
    public FormErrors Errors { get; } = new();

    public async Task OnGetAsync(CancellationToken ct)
    {
        Items = await places.ListAsync(ct);
        ThisAddress = HttpContext.Actor().ClientAddress;
    }

    public async Task OnPostLocationAsync(CancellationToken ct)
    {
        Posted = "location";
        try { var v = await places.CreateLocationAsync(Location, HttpContext.Actor(), ct); Message = $"入力場所 {v.Code} {v.Name} を登録しました。"; Location = new(null, null, null, null); }
        catch (DomainException e) { Errors.Add(e); }
        await OnGetAsync(ct);
    }

    public async Task OnPostTerminalAsync(CancellationToken ct)
    {
        Posted = "terminal";
        try { var v = await places.CreateTerminalAsync(Terminal, HttpContext.Actor(), ct); Message = $"入力端末 {v.Name}({v.ClientAddress})を登録しました。"; Terminal = new(null, null, null); }
        catch (DomainException e) { Errors.Add(e); }
        await OnGetAsync(ct);
    }

    public async Task OnPostDeactivateAsync(long id, CancellationToken ct)
    {
        try { await places.DeactivateTerminalAsync(id, HttpContext.Actor(), ct); Message = "端末の使用を停止しました。"; }
        catch (DomainException e) { Errors.Add(e); }
        await OnGetAsync(ct);
    }
}
