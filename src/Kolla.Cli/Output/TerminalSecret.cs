using System.Text;

namespace Kolla.Cli.Output;

/// <summary>Reads a secret from the terminal without echoing it, as ssh asks for a key's passphrase.</summary>
internal static class TerminalSecret
{
    /// <summary>Writes <paramref name="prompt"/> to standard error and reads a line from the keyboard without echo.</summary>
    /// <returns>The line, or null when input ended (Ctrl-D on an empty line).</returns>
    public static string? Read(string prompt)
    {
        Console.Error.Write(prompt);
        var secret = new StringBuilder();
        try
        {
            while (true)
            {
                var key = Console.ReadKey(intercept: true);
                switch (key.Key)
                {
                    case ConsoleKey.Enter:
                        return secret.ToString();
                    case ConsoleKey.Backspace when secret.Length > 0:
                        secret.Length--;
                        break;
                    case ConsoleKey.D when key.Modifiers.HasFlag(ConsoleModifiers.Control) && secret.Length == 0:
                        return null;
                    default:
                        if (!char.IsControl(key.KeyChar))
                        {
                            secret.Append(key.KeyChar);
                        }

                        break;
                }
            }
        }
        finally
        {
            Console.Error.WriteLine();
        }
    }
}
