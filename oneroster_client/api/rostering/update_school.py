from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.imsx_status_info import ImsxStatusInfo
from ...models.single_org import SingleOrg
from ...types import Response, decode_json, released


def _get_kwargs(
    sourced_id: str,
    *,
    body: SingleOrg,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/schools/{sourced_id}".format(
            sourced_id=quote(str(sourced_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | ImsxStatusInfo | None:
    if response.status_code == 200:
        response_200 = cast(Any, None)
        return response_200

    if response.status_code == 201:
        response_201 = cast(Any, None)
        return response_201

    if response.status_code == 400:
        response_400 = ImsxStatusInfo.from_dict(decode_json(response.content))

        return response_400

    if response.status_code == 401:
        response_401 = ImsxStatusInfo.from_dict(decode_json(response.content))

        return response_401

    if response.status_code == 403:
        response_403 = ImsxStatusInfo.from_dict(decode_json(response.content))

        return response_403

    if response.status_code == 404:
        response_404 = ImsxStatusInfo.from_dict(decode_json(response.content))

        return response_404

    if response.status_code == 409:
        response_409 = ImsxStatusInfo.from_dict(decode_json(response.content))

        return response_409

    if response.status_code == 422:
        response_422 = ImsxStatusInfo.from_dict(decode_json(response.content))

        return response_422

    if response.status_code == 429:
        response_429 = ImsxStatusInfo.from_dict(decode_json(response.content))

        return response_429

    if response.status_code == 500:
        response_500 = ImsxStatusInfo.from_dict(decode_json(response.content))

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | ImsxStatusInfo]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    sourced_id: str,
    *,
    client: AuthenticatedClient,
    body: SingleOrg,
) -> Response[Any | ImsxStatusInfo]:
    """Update school.

    Args:
        sourced_id (str):
        body (SingleOrg):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ImsxStatusInfo]
    """

    kwargs = _get_kwargs(
        sourced_id=sourced_id,
        body=body,
    )

    response = released(
        client.get_httpx_client().request(
            **kwargs,
        )
    )

    return _build_response(client=client, response=response)


def sync(
    sourced_id: str,
    *,
    client: AuthenticatedClient,
    body: SingleOrg,
) -> Any | ImsxStatusInfo | None:
    """Update school.

    Args:
        sourced_id (str):
        body (SingleOrg):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ImsxStatusInfo
    """

    return sync_detailed(
        sourced_id=sourced_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    sourced_id: str,
    *,
    client: AuthenticatedClient,
    body: SingleOrg,
) -> Response[Any | ImsxStatusInfo]:
    """Update school.

    Args:
        sourced_id (str):
        body (SingleOrg):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ImsxStatusInfo]
    """

    kwargs = _get_kwargs(
        sourced_id=sourced_id,
        body=body,
    )

    response = released(await client.get_async_httpx_client().request(**kwargs))

    return _build_response(client=client, response=response)


async def asyncio(
    sourced_id: str,
    *,
    client: AuthenticatedClient,
    body: SingleOrg,
) -> Any | ImsxStatusInfo | None:
    """Update school.

    Args:
        sourced_id (str):
        body (SingleOrg):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ImsxStatusInfo
    """

    return (
        await asyncio_detailed(
            sourced_id=sourced_id,
            client=client,
            body=body,
        )
    ).parsed
