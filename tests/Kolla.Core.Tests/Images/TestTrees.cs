using System.Text;
using Kolla.Images;

namespace Kolla.Tests.Images;

/// <summary>Small busybox-style trees for the image tests.</summary>
internal static class TestTrees
{
    public const string Child = "FROM {{ namespace }}/{{ image_prefix }}{0}:{{ tag }}\n{{% block {1}_header %}}{{% endblock %}}\nRUN echo {1}\n{{% block {1}_footer %}}{{% endblock %}}\n";

    /// <summary>base → service-base → service-api, service-worker; base → tools.</summary>
    public static ImageTree ThreeLevels(params (string Path, string Text)[] extra)
    {
        var files = new List<(string, string)>
        {
            ("base/Dockerfile.j2", "FROM {{ base_image }}\nLABEL maintainer=\"{{ maintainer }}\"\n{% block base_header %}{% endblock %}\nCOPY kolla_start /usr/local/bin/kolla_start\n{% block footer %}{% endblock %}\n"),
            ("service-base/Dockerfile.j2", Format("base", "service_base") + "{% set service_base_packages = ['a', 'b', 'c'] %}\nRUN install {{ service_base_packages | customizable('packages') | join(' ') }}\n"),
            ("service-base/start.sh", "#!/bin/sh\necho {{ not rendered }}\n"),
            ("service-base/conf/app.conf.j2", "user={{ users.nova.uid }} image={{ image_name }}\n"),
            ("service-api/Dockerfile.j2", Format("service-base", "service_api")),
            ("service-worker/Dockerfile.j2", Format("service-base", "service_worker")),
            ("tools/Dockerfile.j2", Format("base", "tools")),
            ("README.md", "not an image"),
        };
        files.AddRange(extra);
        return ImageTreeLoader.Build("test tree", files.Select(f => new ImageFile(f.Item1, Encoding.UTF8.GetBytes(f.Item2))).ToList(), p => "tree/" + p);
    }

    private static string Format(string parent, string underscored) => Child.Replace("{0}", parent).Replace("{1}", underscored).Replace("{{%", "{%").Replace("%}}", "%}");
}
