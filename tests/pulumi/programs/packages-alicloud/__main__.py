"""Adversarial: packages the catalog does not locate (random, tls, kubernetes, an unknown one), a stack
reference, a dynamic provider, a provider region that is a secret."""
import pulumi.dynamic
import pulumi_alicloud as alicloud

import pulumi

cfg = pulumi.Config()


class Raw(pulumi.CustomResource):
    def __init__(self, token, name, props, opts=None):
        super().__init__(token, name, props, opts)


Raw("random:index/randomPassword:RandomPassword", "pw", {"length": 20})
Raw("tls:index/privateKey:PrivateKey", "key", {"algorithm": "RSA"})
Raw("kubernetes:core/v1:Namespace", "ns", {"metadata": {"name": "apps"}})
Raw("acme:compute/vm:Vm", "vm", {"size": "large"})
ref = pulumi.StackReference("org/network/prod")


class Noop(pulumi.dynamic.ResourceProvider):
    def create(self, props):
        return pulumi.dynamic.CreateResult("x", props)


class Dyn(pulumi.dynamic.Resource):
    def __init__(self, name, opts=None):
        super().__init__(Noop(), name, {"region": "us-east-1"}, opts)


Dyn("dyn")
# provider region is a secret (from config): never echoed, fails closed
hidden = alicloud.Provider("hidden", region=cfg.require_secret("hkRegion"))
alicloud.oss.Bucket("hidden-bucket", bucket="hidden-bucket", opts=pulumi.ResourceOptions(provider=hidden))
# provider region from a stack reference output (unknown in preview)
remote = alicloud.Provider("remote", region=ref.get_output("region"))
alicloud.oss.Bucket("remote-bucket", bucket="remote-bucket", opts=pulumi.ResourceOptions(provider=remote))
