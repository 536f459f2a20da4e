using Kolla.Passwords;

namespace Kolla.Cli.Output;

/// <summary>
/// genpwd's RSA key generation on stderr: <c>generating 7 RSA key pairs... 3/7</c> redrawn in place on a terminal, the
/// one line <c>generating 7 RSA key pairs...</c> otherwise (a log gets no carriage returns). Reports come from the
/// generating threads, in any order.
/// </summary>
internal sealed class KeyProgress(TextWriter error, bool interactive) : IProgress<GenPwdProgress>
{
    private readonly Lock _gate = new();
    private int _shown = -1;

    public void Report(GenPwdProgress value)
    {
        lock (_gate)
        {
            if (value.KeysDone <= _shown)
            {
                return;
            }

            _shown = value.KeysDone;
            var what = $"generating {value.KeysTotal} RSA key pair(s)...";
            if (!interactive)
            {
                if (value.KeysDone == 0)
                {
                    error.WriteLine(what);
                }

                return;
            }

            error.Write($"\r{what} {value.KeysDone}/{value.KeysTotal}");
            if (value.KeysDone == value.KeysTotal)
            {
                error.WriteLine();
            }

            error.Flush();
        }
    }
}
