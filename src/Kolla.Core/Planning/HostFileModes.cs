namespace Kolla.Planning;

/// <summary>kolla-ansible's modes for generated files and directories.</summary>
internal static class HostFileModes
{
    public static readonly int ConfigFile = Convert.ToInt32("660", 8);
}
