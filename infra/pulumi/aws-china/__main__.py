"""AWS in the China partition (aws-cn): compliant resources in Beijing, violations elsewhere.

Default provider: stack config aws:region = cn-north-1 (Beijing, filed room BJ-AWS). Explicit
providers: cn-northwest-1 (Ningxia: ISP-licensed, but not for IDC, and no filed room) and us-east-1
(outside China: the provider itself violates).
"""
import json

import pulumi_aws as aws

import pulumi

OWN_ACCOUNT = "111122223333"  # organization.accounts.aws in the licence profile

ningxia = aws.Provider("ningxia", region="cn-northwest-1")
virginia = aws.Provider("virginia", region="us-east-1")


def trust(principal: dict) -> str:
    return json.dumps({"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": principal}]})


# Compliant: Beijing through the default provider.
app = aws.ec2.Instance("app", ami="ami-0c1c8b2f1e0d3b9a0", instance_type="t3.micro",
                       tags={"license-service": "idc", "protection-grade": "第三级",
                             "security-filing": "MIIT-SEC-2024-0301"})  # 603: its system's grading
aws.s3.Bucket("logs", bucket="bj-logs", tags={"license-service": "isp"})
aws.iam.Role("lambda-exec", assume_role_policy=trust({"Service": "lambda.amazonaws.com.cn"}))
aws.iam.Role("ops", assume_role_policy=trust({"AWS": f"arn:aws-cn:iam::{OWN_ACCOUNT}:root"}))
aws.ec2.SecurityGroup("web", ingress=[
    {"protocol": "tcp", "from_port": 443, "to_port": 443, "cidr_blocks": ["0.0.0.0/0"]},
    {"protocol": "tcp", "from_port": 22, "to_port": 22, "cidr_blocks": ["10.0.0.0/8"]},
])

# 103: the volume's zone is the instance's, which AWS picks at apply time.
aws.ebs.Volume("app-data", availability_zone=app.availability_zone, size=50)
# 201: a third-party account may assume this role.
aws.iam.Role("partner", assume_role_policy=trust({"AWS": "arn:aws-cn:iam::999999999999:root"}))
# 202: SSH from anywhere.
aws.ec2.SecurityGroup("bastion", ingress=[
    {"protocol": "tcp", "from_port": 22, "to_port": 22, "cidr_blocks": ["0.0.0.0/0"]}])
# 102 + 301: an IDC service in Ningxia, a region with no filed room.
aws.s3.Bucket("nx-cache", bucket="nx-cache", tags={"license-service": "idc"},
                opts=pulumi.ResourceOptions(provider=ningxia))
# 101 + 102 + 301: outside China.
aws.s3.Bucket("us-bucket", bucket="us-bucket", opts=pulumi.ResourceOptions(provider=virginia))
