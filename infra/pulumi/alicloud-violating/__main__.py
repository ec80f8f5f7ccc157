"""Alibaba Cloud stack that breaks the permit in every way the rules know, one resource per violation.

Default provider: stack config alicloud:region = cn-hongkong (outside mainland China: the provider
itself and every resource it places violate). Explicit providers: cn-heyuan (Guangdong, but IDC is
licensed only in Guangzhou and Shenzhen), cn-shenzhen, cn-beijing and cn-shanghai.
"""
import json

import pulumi_alicloud as alicloud

import pulumi

IMAGE = "aliyun_3_x64_20G_alibase"
heyuan = alicloud.Provider("heyuan", region="cn-heyuan")
shenzhen = alicloud.Provider("shenzhen", region="cn-shenzhen")
beijing = alicloud.Provider("beijing", region="cn-beijing")
shanghai = alicloud.Provider("shanghai", region="cn-shanghai")

# 101 + 102 + 301: placed by the default provider, in Hong Kong.
hk_web = alicloud.ecs.Instance("hk-web", instance_type="ecs.g7.large", image_id=IMAGE)
# Its zone follows an output the cloud decides at apply time (unknown during preview): a zone always lies
# in its provider's region, so Shenzhen locates it; only zone-level facts (which room) stay undetermined.
alicloud.ecs.EcsDisk("hk-web-data", zone_id=hk_web.availability_zone, size=100,
                     opts=pulumi.ResourceOptions(provider=shenzhen))
# A zone given as a secret is never shown, so never judged: its provider's region (Shenzhen) locates it.
alicloud.ecs.Instance("secret-zone", availability_zone=pulumi.Output.secret("cn-shenzhen-a"),
                      instance_type="ecs.g7.large", image_id=IMAGE,
                      opts=pulumi.ResourceOptions(provider=shenzhen))
# 102 + 301: an IDC machine room in Heyuan (Guangdong outside Guangzhou/Shenzhen), not filed.
alicloud.ecs.Instance("heyuan-idc", availability_zone="cn-heyuan-a", instance_type="ecs.g7.large",
                      image_id=IMAGE, tags={"license-service": "idc"},
                      opts=pulumi.ResourceOptions(provider=heyuan))
# 301: Beijing zone k is not part of the filed room BJ-ALI-H (zones h, i).
alicloud.ecs.Instance("beijing-k", availability_zone="cn-beijing-k", instance_type="ecs.g7.large",
                      image_id=IMAGE, opts=pulumi.ResourceOptions(provider=beijing))
# 301 + 302: the filing TE-2026-0412 covers Shanghai zone l only.
alicloud.ecs.Instance("shanghai-badfiling", availability_zone="cn-shanghai-m", instance_type="ecs.g7.large",
                      image_id=IMAGE, tags={"prior-filing": "TE-2026-0412"},
                      opts=pulumi.ResourceOptions(provider=shanghai))
# 202: SSH open to the internet.
sg = alicloud.ecs.SecurityGroup("ops-sg", opts=pulumi.ResourceOptions(provider=shenzhen))
alicloud.ecs.SecurityGroupRule("ssh-world", type="ingress", ip_protocol="tcp", port_range="22/22",
                               cidr_ip="0.0.0.0/0", security_group_id=sg.id,
                               opts=pulumi.ResourceOptions(provider=shenzhen))
# 201: a partner's account may assume a role of ours.
alicloud.ram.Role("partner-ops", role_name="partner-ops", assume_role_policy_document=json.dumps({
    "Version": "1",
    "Statement": [{"Action": "sts:AssumeRole", "Effect": "Allow",
                   "Principal": {"RAM": ["acs:ram::9999999999999999:root"]}}],
}))
