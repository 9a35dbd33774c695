using Jichitai.Registry.Features.PersonalNumberChange;
using Jichitai.Registry.Features.Search;
using Jichitai.Registry.Movements;
using Microsoft.AspNetCore.Authorization;

namespace Jichitai.Registry.Pages.Registry;

/// <summary>個人番号の指定・変更請求・職権変更・職権修正 (標準4.4): 住記担当 only (番号法19条; RegistryPolicies.PersonalNumber).</summary>
[Authorize(Policy = RegistryPolicies.PersonalNumber)]
public sealed class PersonalNumberModel(RegistryMovements movements, ResidentQueries queries) : ResidentNumberPageModel(movements, queries)
{
    public override IReadOnlyList<string> Kinds => PersonalNumberChangeHandler.Kinds;
    protected override bool ShowsPersonalNumber => true;

    protected override CounterEntry BuildEntry() => CounterEntry.Of(new PersonalNumberChangeRequest
    {
        Header = Header(EffectiveOn, NotifiedOn, Note), AddresseeNumber = AddresseeNumber, Kind = Kind, PersonalNumber = NormalisedNumber(),
    }, new PersonalNumberChangeValidator());
}
