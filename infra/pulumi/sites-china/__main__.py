"""Internet-facing sites (CKV_CNLIC_501) on the three clouds whose Pulumi SDKs are installed, and one log
store (CKV_CNLIC_601). A resource policy sees one resource at a time: a type that carries no tags (a Route 53
record, a CDN custom domain) is vouched for by the profile's icp_filings alone (example-operator.cn is filed
as 京ICP备2024000001号).

Providers in filed machine rooms: alicloud cn-shenzhen (SZ-ALI) and aws cn-north-1 (BJ-AWS) explicit, azure
chinaeast2 (SH-AZURE) the default provider (stack config). Compliant: a CDN domain with its site number, an
overseas-only CDN domain, a Route 53 record of the filed domain, an MX record, an access-log group kept a
year. Violating: a CDN domain without the tag, a CloudFront alias tagged with an ICP licence number, a Route
53 record and an Azure CDN custom domain of a brand the profile has no filing for.
"""
import pulumi_alicloud as alicloud
import pulumi_aws as aws
import pulumi_azure as azure

import pulumi

shenzhen = alicloud.Provider("shenzhen", region="cn-shenzhen")
beijing = aws.Provider("beijing", region="cn-north-1")
on_ali, on_aws = (pulumi.ResourceOptions(provider=p) for p in (shenzhen, beijing))
FILED = "京ICP备2024000001号"

# Compliant.
alicloud.cdn.DomainNew("www", domain_name="www.example-operator.cn", cdn_type="web",
                       sources=[{"content": "origin.example-operator.cn", "type": "domain", "port": 443}],
                       tags={"icp-filing": f"{FILED}-1"}, opts=on_ali)
alicloud.cdn.DomainNew("intl", domain_name="intl.example-operator.cn", cdn_type="web", scope="overseas",
                       sources=[{"content": "origin.example-operator.cn", "type": "domain", "port": 443}],
                       opts=on_ali)
aws.route53.Record("www", zone_id="Z0000000000000000001", name="www.example-operator.cn", type="CNAME",
                   ttl=300, records=["d111111abcdef8.cloudfront.cn"], opts=on_aws)
aws.route53.Record("mail", zone_id="Z0000000000000000001", name="example-operator.cn", type="MX", ttl=300,
                   records=["10 mx.mail.example.net"], opts=on_aws)
aws.cloudwatch.LogGroup("access", name="/zqt/access", retention_in_days=365, tags={"log-class": "access"},
                        opts=on_aws)

# 501: no filing tag on a CDN domain served in the mainland (scope omitted: domestic).
alicloud.cdn.DomainNew("shop", domain_name="shop.example-operator.cn", cdn_type="web",
                       sources=[{"content": "origin.example-operator.cn", "type": "domain", "port": 443}],
                       opts=on_ali)
# 501: the ICP licence number where the filing number belongs.
aws.cloudfront.Distribution(
    "assets", enabled=True, aliases=["assets.example-operator.cn"],
    origins=[{"domain_name": "origin.example-operator.cn", "origin_id": "origin"}],
    default_cache_behavior={"allowed_methods": ["GET", "HEAD"], "cached_methods": ["GET", "HEAD"],
                            "target_origin_id": "origin", "viewer_protocol_policy": "redirect-to-https"},
    restrictions={"geo_restriction": {"restriction_type": "none"}},
    viewer_certificate={"cloudfront_default_certificate": True},
    tags={"icp-filing": "京ICP证000000号"}, opts=on_aws)
# 501 (could not be established): a record of a domain the profile does not record.
aws.route53.Record("brand", zone_id="Z0000000000000000002", name="www.other-brand.cn", type="A", ttl=300,
                   records=["198.51.100.40"], opts=on_aws)
# 501 (could not be established): an Azure CDN custom domain of that brand.
azure.cdn.EndpointCustomDomain("brand", cdn_endpoint_id="/subscriptions/00000000-0000-0000-0000-000000000001/"
                               "resourceGroups/zqt/providers/Microsoft.Cdn/profiles/zqt-cdn/endpoints/brand",
                               host_name="cdn.other-brand.cn")
