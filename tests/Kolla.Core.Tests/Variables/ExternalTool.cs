using System.Diagnostics;

namespace Kolla.Tests.Variables;

/// <summary>Runs python3 for differential tests; skips locally, fails on CI, when a module is missing.</summary>
internal static class ExternalTool
{
    public static void RequirePython(string module, string debianPackage)
    {
        var (code, _, _) = RunPython($"import {module}", string.Empty);
        if (code == 0)
        {
            return;
        }

        var message = $"python3 with the '{module}' module is needed: install {debianPackage} (apt-get install {debianPackage})";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(message);
        }

        Assert.Skip(message);
    }

    public static (int ExitCode, string Stdout, string Stderr) RunPython(string script, string stdin)
    {
        var start = new ProcessStartInfo("python3")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        try
        {
            using var process = Process.Start(start)!;
            process.StandardInput.Write(stdin);
            process.StandardInput.Close();
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            process.WaitForExit();
            return (process.ExitCode, stdout.Result, stderr.Result);
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return (127, string.Empty, ex.Message);
        }
    }
}
