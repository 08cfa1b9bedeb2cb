using Esper.Core.Engine;
using Esper.Storage.KeyValue;
using Esper.Storage.Repositories;

namespace Esper.Api.Runtime;

/// <summary>
/// The counter items of one decision's entity keys, each hashed once (<see cref="EntityStateRepository.KeyOf"/>) and
/// reused by the counter round, an undo and the penalty writes of the same keys.
/// </summary>
internal sealed class EntityItemKeys
{
    private readonly string _tenantId;
    private readonly IReadOnlyList<StateRequest> _states;
    private readonly ItemKey[] _keys;

    public EntityItemKeys(string tenantId, IReadOnlyList<StateRequest> states)
    {
        _tenantId = tenantId;
        _states = states;
        _keys = new ItemKey[states.Count];
        for (var i = 0; i < _keys.Length; i++)
        {
            _keys[i] = EntityStateRepository.KeyOf(tenantId, states[i].EntityKey);
        }
    }

    /// <summary>The item of the <paramref name="index"/>th state request.</summary>
    public ItemKey this[int index] => _keys[index];

    /// <summary>The item of an entity key: the one already hashed when a state request had it.</summary>
    public ItemKey For(string entityKey)
    {
        for (var i = 0; i < _states.Count; i++)
        {
            if (string.Equals(_states[i].EntityKey, entityKey, StringComparison.Ordinal))
            {
                return _keys[i];
            }
        }

        return EntityStateRepository.KeyOf(_tenantId, entityKey);
    }
}
