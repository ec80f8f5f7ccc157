"""Compliant Alibaba Cloud stack: every resource inside the permit, whichever provider places it.

Default provider: stack config alicloud:region = cn-shenzhen (filed room SZ-ALI, IDC-licensed city).
Explicit providers: cn-beijing (resources in the filed zones h/i of room BJ-ALI-H) and cn-shanghai
(zone l, built under the prior filing TE-2026-0412). Must give no violation.
"""
import json

import pulumi_alicloud as alicloud

import pulumi

OWN_ACCOUNT = "1234567890123456"  # organization.accounts.alicloud in the licence profile
GRADED = {"protection-grade": "3", "security-filing": "MIIT-SEC-2024-0301"}  # security_filings (603)

beijing = alicloud.Provider("beijing", region="cn-beijing")
shanghai = alicloud.Provider("shanghai", region="cn-shanghai")

vpc = alicloud.vpc.Network("vpc", vpc_name="sz-core", cidr_block="10.10.0.0/16")
web_switch = alicloud.vpc.Switch("web-switch", vpc_id=vpc.id, cidr_block="10.10.1.0/24",
                                 zone_id="cn-shenzhen-a")
sg = alicloud.ecs.SecurityGroup("web-sg", vpc_id=vpc.id)
alicloud.ecs.SecurityGroupRule("ssh-from-ops", type="ingress", ip_protocol="tcp", port_range="22/22",
                               cidr_ip="10.0.0.0/8", security_group_id=sg.id)
alicloud.ecs.SecurityGroupRule("https-world", type="ingress", ip_protocol="tcp", port_range="443/443",
                               cidr_ip="0.0.0.0/0", security_group_id=sg.id)
alicloud.ecs.Instance("web", availability_zone=web_switch.zone_id, vswitch_id=web_switch.id,
                      instance_type="ecs.g7.large", image_id="aliyun_3_x64_20G_alibase",
                      security_groups=[sg.id], tags={"license-service": "idc", **GRADED})
alicloud.oss.Bucket("assets", bucket="sz-core-assets", tags={"license-service": "isp"})

alicloud.ecs.Instance("beijing-db", availability_zone="cn-beijing-h", instance_type="ecs.r7.large",
                      image_id="aliyun_3_x64_20G_alibase", tags={"license-service": "idc", **GRADED},
                      opts=pulumi.ResourceOptions(provider=beijing))
alicloud.ecs.Instance("shanghai-l", availability_zone="cn-shanghai-l", instance_type="ecs.g7.large",
                      image_id="aliyun_3_x64_20G_alibase",
                      tags={"license-service": "idc", "prior-filing": "TE-2026-0412", **GRADED},
                      opts=pulumi.ResourceOptions(provider=shanghai))

alicloud.ram.Role("ops", role_name="ops", assume_role_policy_document=json.dumps({
    "Version": "1",
    "Statement": [{"Action": "sts:AssumeRole", "Effect": "Allow",
                   "Principal": {"RAM": [f"acs:ram::{OWN_ACCOUNT}:root"], "Service": ["ecs.aliyuncs.com"]}}],
}))
