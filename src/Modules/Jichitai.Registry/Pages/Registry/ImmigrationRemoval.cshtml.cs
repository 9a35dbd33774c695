using Jichitai.Registry.Features.ForeignResidents;
using Jichitai.Registry.Features.Search;
using Jichitai.Registry.Movements;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Jichitai.Registry.Pages.Registry;

/// <summary>
/// 入管通知による消除 (住基法30条の50; 標準4.5.6): 入力 → 確認 → 登録 → 受理通知. When the head leaves, the rest of the household
/// gets a new head (標準4.0.4).
/// </summary>
[Authorize(Policy = RegistryPolicies.Write)]
public sealed class ImmigrationRemovalModel(RegistryMovements movements, ResidentQueries queries) : RemovalPageModel(movements, queries)
{
    public static IReadOnlyList<string> Kinds => ImmigrationRemovalHandler.Kinds;

    [BindProperty] public string? Kind { get; set; } = ImmigrationRemovalHandler.Kinds[0];

    public override string ReadBackMessage => "消除する方と通知の内容を読み上げて確認してください。誤りがなければ「登録する」を押します。";

    protected override CounterEntry BuildEntry() => CounterEntry.Of(new ImmigrationRemovalRequest
    {
        Header = Header(EffectiveOn, NotifiedOn, Note, "異動日"),
        AddresseeNumber = AddresseeNumber,
        Kind = Kind,
        RemainingHousehold = RemainingHousehold(),
    }, new ImmigrationRemovalValidator());

    protected override async Task CheckBeforeReadBackAsync(object request, CancellationToken ct)
    {
        await base.CheckBeforeReadBackAsync(request, ct);
        if (Person is { Kind: not "外国人住民" })
            Errors.Add("addresseeNumber", $"宛名番号 {AddresseeNumber} の住民は{Person.Kind}です。入管通知による消除は外国人住民だけに記録します。");
    }
}
