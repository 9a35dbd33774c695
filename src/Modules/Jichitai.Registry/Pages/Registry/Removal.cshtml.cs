using Jichitai.Registry.Features.Removal;
using Jichitai.Registry.Features.Search;
using Jichitai.Registry.Movements;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Jichitai.Registry.Pages.Registry;

/// <summary>職権消除(死亡・失踪)の入力 → 確認 → 登録 → 受理通知 (standard 4.2.2). When the head dies the rest of the household gets a new head.</summary>
[Authorize(Policy = RegistryPolicies.Write)]
public sealed class RemovalModel(RegistryMovements movements, ResidentQueries queries) : RemovalPageModel(movements, queries)
{
    public static readonly string[] Kinds = ["死亡", "失踪"];

    [BindProperty] public string? Kind { get; set; } = "死亡";

    public override string ReadBackMessage => "消除する方と届出の内容を読み上げて確認してください。誤りがなければ「登録する」を押します。";

    protected override CounterEntry BuildEntry() => CounterEntry.Of(new RemovalRequest
    {
        Header = Header(EffectiveOn, NotifiedOn, Note, "異動日(死亡日)"),
        AddresseeNumber = AddresseeNumber,
        Kind = Kind,
        RemainingHousehold = RemainingHousehold(),
    }, new RemovalValidator());
}
