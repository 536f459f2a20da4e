namespace Kolla.TestKit;

/// <summary>
/// Marks a test class that takes minutes (the kolla-ansible oracle, apt in a chroot): <see cref="LongRunningFirstOrderer"/>
/// starts such classes before the others, so the assembly's parallel slots end together rather than one long class
/// starting last and running alone.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class LongRunningAttribute : Attribute;
