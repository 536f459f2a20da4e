using System.Collections.Concurrent;

namespace Kolla.Ssh;

/// <summary>Asks for each encrypted key file's passphrase at most once per connector.</summary>
internal sealed class PassphraseCache(Func<string, CancellationToken, ValueTask<string?>>? source)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<string?>>> _answers = new(StringComparer.Ordinal);

    public Task<string?> GetAsync(string file, CancellationToken cancellationToken) =>
        source is null
            ? Task.FromResult<string?>(null)
            : _answers.GetOrAdd(file, f => new Lazy<Task<string?>>(() => source(f, cancellationToken).AsTask())).Value;
}
