using Kolla.Services;

namespace Kolla.Samples.Embedding;

/// <summary>A catalogue entry of our own: one service, one container, one config file, written in C#.</summary>
/// <remarks>The same shape as a <c>service.yml</c> of the built-in catalogue (see docs/catalogue.md).</remarks>
internal static class HelloService
{
    public static ServiceDefinition Definition { get; } = new()
    {
        Name = "hello",
        Source = "samples/Kolla.Samples.Embedding/HelloService.cs",
        Defaults = new Dictionary<string, object?>
        {
            ["hello_image"] = "docker.io/library/busybox:latest",
            ["hello_greeting"] = "Hello from Kolla for .NET",
        },
        Templates = new Dictionary<string, string>
        {
            ["hello.conf.j2"] = "[DEFAULT]\ngreeting = {{ hello_greeting }}\nlisten = {{ api_interface_address }}\npassword = {{ hello_password }}\n",
        },
        Containers =
        [
            new ContainerDefinition
            {
                Key = "hello",
                ContainerName = "hello",
                Group = "hello",
                Image = "{{ hello_image }}",
                Command = "sleep 86400",
                Volumes = ["{{ node_config_directory }}/hello/:{{ container_config_directory }}/:ro"],
                Files =
                [
                    // hello.conf: the template, then the operator's override <node_custom_config>/hello.conf merged over it.
                    new ServiceFileDefinition { Dest = "hello.conf", Template = "hello.conf.j2", Overrides = ["hello.conf"], Mode = "0600" },
                ],
                ConfigJson = new Dictionary<string, object?>
                {
                    ["command"] = "sleep 86400",
                    ["config_files"] = new List<object?>
                    {
                        new Dictionary<string, object?> { ["source"] = "hello.conf", ["dest"] = "/etc/hello/hello.conf", ["owner"] = "root", ["perm"] = "0600" },
                    },
                },
            },
        ],
    };
}
