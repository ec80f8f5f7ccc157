"""Adversarial: components with children and `providers={...}`, providers from Config and from Outputs,
the aws v7 per-resource `region`, tags known only after apply, packages without location."""
import pulumi_aws as aws

import pulumi

cfg = pulumi.Config()


class Site(pulumi.ComponentResource):
    def __init__(self, name, tags=None, opts=None):
        super().__init__("acme:site:Site", name, None, opts)
        child = pulumi.ResourceOptions(parent=self)
        self.bucket = aws.s3.Bucket(f"{name}-bucket", tags=tags, opts=child)
        aws.ec2.SecurityGroup(f"{name}-sg", ingress=[
            {"protocol": "tcp", "from_port": 22, "to_port": 22, "cidr_blocks": ["0.0.0.0/0"]}], opts=child)
        self.register_outputs({})


# provider region from Config().require -> us-west-2 (outside China)
oregon = aws.Provider("oregon", region=cfg.require("region"))
# component with providers={...}: its children use oregon
Site("abroad", opts=pulumi.ResourceOptions(providers={"aws": oregon}))
# component with provider=... (providers for the component's package only; aws children inherit it)
Site("abroad2", opts=pulumi.ResourceOptions(providers=[oregon]))
# component on the default provider (cn-north-1), tags known only after apply
home = Site("home", tags=pulumi.Output.all(oregon.id, aws.ec2.Vpc("v", cidr_block="10.0.0.0/16").arn)
            .apply(lambda _: {"license-service": "idc"}))
# provider region from an Output unknown during preview
vpc = aws.ec2.Vpc("vpc", cidr_block="10.1.0.0/16")
later = aws.Provider("later", region=vpc.arn.apply(lambda _: "cn-north-1"))
aws.s3.Bucket("later-bucket", opts=pulumi.ResourceOptions(provider=later))
# v7 per-resource region, outside China, on the cn-north-1 default provider
aws.s3.Bucket("tokyo-bucket", region="ap-northeast-1")
# v7 per-resource region from config, inside China (Ningxia, no filed room, ISP licensed)
aws.s3.Bucket("nx-bucket", region=cfg.require("zoneRegion"), tags={"license-service": "isp"})
# import_ and delete_before_replace: judged as creates
aws.s3.Bucket("imported", opts=pulumi.ResourceOptions(import_="legacy-bucket", provider=oregon))
aws.s3.Bucket("dbr", opts=pulumi.ResourceOptions(delete_before_replace=True))
