// Kolla manages Linux hosts; these tests use Unix file modes and a local dockerd.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
