using System.Collections.Concurrent;

namespace Kolla.Variables;

/// <summary>
/// Reuses a computation's result between hosts: the result is kept with the variables the computation read from the
/// host's scope (in order, with their raw values), and a host on which those reads give equal values
/// (<see cref="RawValueComparer"/>) gets the kept result without computing it again.
/// </summary>
/// <remarks>
/// Sound because a computation is deterministic in what it can see: the host's variables, read through the scope it is
/// given, and inputs that are the same for every host (the catalogue, the override files, other hosts' variables,
/// reached only through names it read). Its reads therefore happen in the same order with the same values, and it
/// returns the same result. The kept reads form a tree: each node names the next variable read, each branch one of
/// its values, so finding a result costs one look-up per read whatever the number of hosts. Thread-safe; a
/// computation that fails, that lists the scope's names, or whose result the caller's <c>keep</c> refuses, is not kept.
/// </remarks>
internal sealed class ScopeMemo<T>
{
    /// <summary>Values of one read kept at most (a few host variants: control, network, compute), so memory stays bounded.</summary>
    private const int MaxBranches = 16;

    private readonly Node _root = new();
    private readonly Lock _lock = new();

    /// <summary>The kept result for <paramref name="scope"/>, else <paramref name="compute"/>'s, run on a recording scope.</summary>
    /// <param name="scope">The variables the computation reads (a host's, or a recording of them).</param>
    /// <param name="compute">The computation.</param>
    /// <param name="keep">Whether a computed result may be reused (none: every one).</param>
    public T GetOrCompute(IVariableScope scope, Func<IVariableScope, T> compute, Func<T, bool>? keep = null)
    {
        // Looked up without the lock (nodes are published complete, branches are concurrent maps); kept under it.
        if (Find(scope, out var kept, out var full))
        {
            return kept;
        }

        if (full)
        {
            // This host differs from the kept ones in a read that already has as many values as are kept: compute
            // without recording, as nothing would be kept.
            return compute(scope);
        }

        var recording = new RecordingScope(scope);
        var result = compute(recording);
        if (!recording.Enumerated && (keep is null || keep(result)))
        {
            lock (_lock)
            {
                Keep(recording.Reads, result);
            }
        }

        return result;
    }

    private bool Find(IVariableScope scope, out T result, out bool full)
    {
        full = false;
        var node = _root;
        while (true)
        {
            if (node.HasResult)
            {
                result = node.Result;
                return true;
            }

            if (node.Name is not { } name || node.Branches is not { } branches)
            {
                result = default!;
                return false;
            }

            var key = scope.TryGetVariable(name, out var value) ? value : Missing;
            if (!branches.TryGetValue(new Key(key), out var next))
            {
                full = branches.Count >= MaxBranches;
                result = default!;
                return false;
            }

            node = next;
        }
    }

    private void Keep(IReadOnlyList<ScopeRead> reads, T result)
    {
        var node = _root;
        foreach (var read in reads)
        {
            if (node.HasResult || (node.Name is { } name && name != read.Name))
            {
                // Another computation reached a result with fewer or other reads: not deterministic after all; keep the first.
                return;
            }

            // Branches before the name: a reader that sees the name sees the branches.
            node.Branches ??= new ConcurrentDictionary<Key, Node>(KeyComparer.Instance);
            node.Name = read.Name;
            var key = new Key(read.Found ? read.Value : Missing);
            if (!node.Branches.TryGetValue(key, out var next))
            {
                if (node.Branches.Count >= MaxBranches)
                {
                    // A read whose value differs between many hosts (a host's name or address): the hosts past these do not
                    // share the result, so keeping theirs would only cost memory and look-ups.
                    return;
                }

                node.Branches[key] = next = new Node();
            }

            node = next;
        }

        if (node.Name is null && !node.HasResult)
        {
            // The result before the flag: a reader that sees the flag sees the result.
            node.Result = result;
            node.HasResult = true;
        }
    }

    /// <summary>Stands for a variable the scope does not have.</summary>
    private static readonly object Missing = new();

    private readonly record struct Key(object? Value);

    private sealed class KeyComparer : IEqualityComparer<Key>
    {
        public static KeyComparer Instance { get; } = new();

        public bool Equals(Key x, Key y) => RawValueComparer.Instance.Equals(x.Value, y.Value);

        public int GetHashCode(Key key) => RawValueComparer.Instance.GetHashCode(key.Value);
    }

    private sealed class Node
    {
        private volatile string? _name;
        private volatile ConcurrentDictionary<Key, Node>? _branches;
        private volatile bool _hasResult;

        public string? Name
        {
            get => _name;
            set => _name = value;
        }

        public ConcurrentDictionary<Key, Node>? Branches
        {
            get => _branches;
            set => _branches = value;
        }

        public bool HasResult
        {
            get => _hasResult;
            set => _hasResult = value;
        }

        public T Result { get; set; } = default!;
    }
}
