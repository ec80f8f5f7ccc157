"""Personal-data stores (CKV_CNLIC_602, advisory) and edge nodes (CKV_CNLIC_901) on the three clouds whose
Pulumi SDKs are installed. The pack judges one resource per request, so the stores set their ACL and
encryption on themselves (split companion resources are joined by `permitguard scan` of the preview JSON).

Providers in filed machine rooms: alicloud cn-shenzhen (SZ-ALI), aws cn-north-1 (BJ-AWS), azure chinaeast2
(SH-AZURE). ENS nodes are located by their node, not by the provider: cn-beijing-telecom is filed
(BJ-ALI-ENS-TELECOM); Chenzhou (Hunan) has no IDC licence.
"""
import pulumi_alicloud as alicloud
import pulumi_aws as aws
import pulumi_azure as azure

import pulumi

shenzhen = alicloud.Provider("shenzhen", region="cn-shenzhen")
beijing = aws.Provider("beijing", region="cn-north-1")
on_ali, on_aws = (pulumi.ResourceOptions(provider=p) for p in (shenzhen, beijing))
personal = {"data-class": "personal"}
account = {"resource_group_name": "zqt-rg", "location": "chinaeast2", "account_tier": "Standard",
           "account_replication_type": "LRS", "tags": personal}
node = {"schedule_area_level": "Region", "instance_type": "ens.sn1.stiny", "image_id": "centos_7_9_x64_20G",
        "payment_type": "Subscription", "internet_charge_type": "BandwidthByDay"}

# Compliant: private and encrypted (SM4 on OSS, SSE-S3 by default on S3), public containers refused on Azure.
alicloud.oss.Bucket("members", bucket="zqt-members-sz", acl="private", tags=personal,
                    server_side_encryption_rule={"sse_algorithm": "KMS", "kms_data_encryption": "SM4"},
                    opts=on_ali)
aws.s3.Bucket("crm", bucket="zqt-crm-cn", tags=personal, opts=on_aws)
azure.storage.Account("contracts", allow_nested_items_to_be_public=False, **account)
# 901 compliant: an ENS cache node in Beijing, in its filed room.
alicloud.ens.Instance("cache-bj", ens_region_id="cn-beijing-telecom", **node, opts=on_ali)

# 602: a public-read OSS bucket; an OSS bucket that sets no encryption itself (the pack cannot see a
# separate encryption resource: could not be established; the CLI on the preview finds none: unencrypted).
alicloud.oss.Bucket("exports", bucket="zqt-exports-sz", acl="public-read", tags=personal,
                    server_side_encryption_rule={"sse_algorithm": "AES256"}, opts=on_ali)
alicloud.oss.Bucket("tickets", bucket="zqt-tickets-sz", tags=personal, opts=on_ali)
# 602: an Azure account left at allow_nested_items_to_be_public's default (true).
azure.storage.Account("customers", **account)
# 901 (and 301: a new room): an ENS node in Chenzhou, Hunan, where the permit licenses no IDC.
alicloud.ens.Instance("cache-hn", ens_region_id="cn-chenzhou-telecom_unicom_cmcc", **node, opts=on_ali)
