using Jichitai.Registry.Features.ResidentCodeChange;
using Jichitai.Registry.Features.Search;
using Jichitai.Registry.Movements;
using Microsoft.AspNetCore.Authorization;

namespace Jichitai.Registry.Pages.Registry;

/// <summary>住民票コードの職権記載・変更請求・修正 (標準4.3.1, 4.3.2): the code issued by the CS is recorded here.</summary>
[Authorize(Policy = RegistryPolicies.Write)]
public sealed class ResidentCodeModel(RegistryMovements movements, ResidentQueries queries) : ResidentNumberPageModel(movements, queries)
{
    public override IReadOnlyList<string> Kinds => ResidentCodeChangeHandler.Kinds;

    protected override CounterEntry BuildEntry() => CounterEntry.Of(new ResidentCodeChangeRequest
    {
        Header = Header(EffectiveOn, NotifiedOn, Note), AddresseeNumber = AddresseeNumber, Kind = Kind, ResidentCode = NormalisedNumber(),
    }, new ResidentCodeChangeValidator());
}
